// @vitest-environment happy-dom
// src/lib/dom.js: the DOM builder every runtime module builds markup with.
import { describe, expect, it, vi } from "vitest";
import { h, svg } from "../runtime/src/lib/dom.js";

describe("h and svg", () => {
  it("inserts strings as text, so user data never becomes markup", () => {
    const el = h("p", { class: "note" }, "<img src=x onerror=alert(1)>", 3, null, false, [" a", [" b"]]);
    expect(el.children).toHaveLength(0);
    expect(el.textContent).toBe("<img src=x onerror=alert(1)>3 a b");
    expect(el.className).toBe("note");
  });

  it("wires on* props as listeners and sets value after the options exist", () => {
    const onChange = vi.fn();
    const select = h("select", { value: "b", onChange }, h("option", { value: "a" }, "A"), h("option", { value: "b" }, "B"));
    expect(select.value).toBe("b");
    select.dispatchEvent(new Event("change"));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(select.hasAttribute("onchange")).toBe(false);
  });

  it("skips null, undefined and false props and writes true as an empty attribute", () => {
    const input = h("input", { type: "checkbox", checked: true, disabled: false, title: null, "aria-label": undefined, required: true });
    expect(input.checked).toBe(true);
    expect(input.disabled).toBe(false);
    expect(input.hasAttribute("title")).toBe(false);
    expect(input.hasAttribute("aria-label")).toBe(false);
    expect(input.getAttribute("required")).toBe("");
  });

  it("creates SVG in the SVG namespace", () => {
    const circle = svg("circle", { cx: 4, cy: 5, r: null }, svg("title", {}, "dot"));
    expect(circle.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(circle.getAttribute("cx")).toBe("4");
    expect(circle.hasAttribute("r")).toBe(false);
    expect(circle.textContent).toBe("dot");
  });
});
