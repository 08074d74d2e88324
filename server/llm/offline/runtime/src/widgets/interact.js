// What the board and the sequence share: re-rendering without losing the keyboard user's place,
// and dragging. Dragging is HTML5 drag and drop (mouse, and what QA's drag step does) with a
// pointer fallback for touch screens and pens, where browsers start no native drag. Every drag
// has a button that does the same, so nothing depends on it.

/**
 * Replaces the container's content, then puts focus back on the control that had it, found by its
 * data-focus-key ("card:ID:next"); when that control is gone, on its closest surviving parent key
 * ("card:ID", then "card").
 * @param {HTMLElement} container
 * @param {Node[]} nodes
 */
export function rerender(container, nodes) {
  const active = document.activeElement;
  const key = active && active !== document.body && container.contains(active) ? active.getAttribute("data-focus-key") : null;
  container.replaceChildren(...nodes);
  if (!key) return;
  const keyed = [...container.querySelectorAll("[data-focus-key]")];
  for (let wanted = key; wanted; wanted = wanted.includes(":") ? wanted.slice(0, wanted.lastIndexOf(":")) : "") {
    // A control that is now disabled (Move up at the top) cannot hold focus: its parent key can.
    const found = keyed.find((el) => el.getAttribute("data-focus-key") === wanted && !(el instanceof HTMLButtonElement && el.disabled));
    if (found instanceof HTMLElement) {
      found.focus();
      return;
    }
  }
}

/** @type {{ kind: string, id: string } | null} */
let dragged = null;
/** @type {{ kind: string, id: string, x: number, y: number, moved: boolean, element: HTMLElement } | null} */
let pointer = null;
/** @type {WeakMap<Element, (id: string) => void>} */
const dropHandlers = new WeakMap();
let listening = false;

const overClass = "is-drop-target";

function clearTargets() {
  for (const el of document.querySelectorAll("." + overClass)) el.classList.remove(overClass);
}

/** The drop zone of `kind` under a point (the pointer fallback's hit test). */
function zoneAt(x, y, kind) {
  const hit = typeof document.elementFromPoint === "function" ? document.elementFromPoint(x, y) : null;
  const zone = hit ? hit.closest("[data-drop-kind]") : null;
  return zone && zone.getAttribute("data-drop-kind") === kind ? zone : null;
}

function listenToPointers() {
  if (listening) return;
  listening = true;
  document.addEventListener("pointermove", (event) => {
    if (!pointer) return;
    if (!pointer.moved && Math.hypot(event.clientX - pointer.x, event.clientY - pointer.y) < 8) return;
    pointer.moved = true;
    pointer.element.classList.add("is-dragging");
    clearTargets();
    const zone = zoneAt(event.clientX, event.clientY, pointer.kind);
    if (zone) zone.classList.add(overClass);
  });
  document.addEventListener("pointerup", (event) => {
    const gesture = pointer;
    pointer = null;
    if (!gesture || !gesture.moved) return;
    gesture.element.classList.remove("is-dragging");
    clearTargets();
    const zone = zoneAt(event.clientX, event.clientY, gesture.kind);
    const onDrop = zone ? dropHandlers.get(zone) : undefined;
    if (onDrop) onDrop(gesture.id);
  });
  document.addEventListener("pointercancel", () => {
    if (pointer) pointer.element.classList.remove("is-dragging");
    pointer = null;
    clearTargets();
  });
}

/**
 * Makes `element` draggable as item `id` of `kind` ("card", "item"): it can be dropped on a
 * dropZone of the same kind.
 * @param {HTMLElement} element
 * @param {string} kind
 * @param {string} id
 */
export function draggable(element, kind, id) {
  listenToPointers();
  element.draggable = true;
  element.addEventListener("dragstart", (event) => {
    // A native drag took over: the pointer fallback must not apply the same move again.
    pointer = null;
    dragged = { kind, id };
    element.classList.add("is-dragging");
    if (event.dataTransfer) {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", id);
    }
  });
  element.addEventListener("dragend", () => {
    element.classList.remove("is-dragging");
    dragged = null;
    clearTargets();
  });
  element.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || !(event.target instanceof Element) || event.target.closest("button, input, select, textarea, a")) return;
    pointer = { kind, id, x: event.clientX, y: event.clientY, moved: false, element };
  });
}

/**
 * Lets items of `kind` be dropped on `element`; `onDrop` gets the dropped item's id.
 * @param {HTMLElement} element
 * @param {string} kind
 * @param {(id: string) => void} onDrop
 */
export function dropZone(element, kind, onDrop) {
  element.setAttribute("data-drop-kind", kind);
  dropHandlers.set(element, onDrop);
  const accepts = () => dragged !== null && dragged.kind === kind;
  element.addEventListener("dragover", (event) => {
    if (!accepts()) return;
    event.preventDefault();
    // The innermost zone takes the drop (an item inside a list that is a zone too).
    event.stopPropagation();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "move";
    if (!element.classList.contains(overClass)) {
      clearTargets();
      element.classList.add(overClass);
    }
  });
  element.addEventListener("dragleave", (event) => {
    if (!(event.relatedTarget instanceof Node) || !element.contains(event.relatedTarget)) element.classList.remove(overClass);
  });
  element.addEventListener("drop", (event) => {
    if (!accepts()) return;
    event.preventDefault();
    event.stopPropagation();
    const id = dragged.id;
    dragged = null;
    clearTargets();
    onDrop(id);
  });
}
