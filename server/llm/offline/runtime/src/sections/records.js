// The records of an entity: an add form, a search box and filter selects, then the records as a
// list, table or cards (optionally a filtered view, sorted, grouped under sub-headings, limited),
// each with its columns, its actions ("Mark returned Dune"), Edit (a dialog named "Edit <singular>")
// and Delete; an entity's addOnlyWhen rule (enough points for a reward) refuses an add with its
// message in an alert. Re-renders whenever the store changes. Names follow /work/coord/DATA.md: the form is
// "Add <singular>", each record a listitem or row whose text starts with its title, its buttons
// "<Action> <title>"; the search box "Search <plural>"; a filter select "Filter by <field>".
import { h } from "../lib/dom.js";
import { fieldValue, groupRecords, matches } from "../engine/expr.js";
import { columnsOf, searchTextOf, toneWords } from "../records/columns.js";
import { isoDay, recordControls } from "../records/fields.js";
import { parentField, pluralOf, singularOf, titleOf, valueText } from "../records/names.js";
import { recordTimers } from "../records/timer.js";

/** @import { AppContext, SectionSpec, EntitySpec } from "../engine/app-context" */

let uid = 0;

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(element, section, app) {
  const entity = app.entity(section.entity);
  if (!entity) throw new Error("No entity " + section.entity);
  const { store } = app;
  const singular = singularOf(entity);
  const plural = pluralOf(entity);
  const titleText = (element.querySelector(".section-title") || {}).textContent || entity.pluralLabel;
  const display = section.display === "table" || section.display === "cards" ? section.display : "list";
  const listed = columnsOf(entity, section.columns, app);
  // A record's text starts with its title: in a table, the title is the first cell whatever the columns.
  const columns = display === "table" && (!listed[0] || listed[0].key !== entity.fields[0].name) ? [...columnsOf(entity, [entity.fields[0].name], app), ...listed.filter((c) => c.key !== entity.fields[0].name)] : listed;
  const actions = actionsOf(section, entity);
  // A start/stop timer on each record, when the entity has one (records/timer.js).
  const timers = recordTimers(entity, app);
  const canEdit = section.edit !== false;
  const canDelete = section.delete !== false;
  const scope = () => ({ store, spec: app.spec, today: app.today() });
  const id = "rec-" + ++uid;

  // ── Add form ──
  /** @type {ReturnType<typeof recordControls> | null} */
  let addControls = null;
  let addForm = null;
  const addStatus = h("p", { class: "form-status field-error", role: "status" });
  const editStatus = h("p", { class: "form-status field-error", role: "status" });
  /** Says so when a save did not fit in the browser's storage (photos are the usual cause). */
  const saveAndTell = (/** @type {HTMLElement} */ status, /** @type {() => Record<string, unknown>} */ save) => {
    const wasPersistent = store.persistent;
    const saved = save();
    status.textContent = wasPersistent && !store.persistent
      ? "Not saved in this browser: its storage for this app is full, so " + titleOf(saved, entity) + " is kept only until the page is closed. Delete some photos or choose smaller ones."
      : "";
    return saved;
  };
  if (section.create !== false) {
    addControls = recordControls(entity, app, { todayField: section.onePerDate || null });
    const addLabel = "Add " + singular;
    const formTitleId = id + "-add";
    // Why a record was not added when the entity allows it only sometimes (not enough points).
    const refusal = h("p", { class: "form-error", role: "alert" });
    addForm = h("form", { class: "card form records-add", "aria-labelledby": formTitleId, novalidate: true },
      h("h3", { id: formTitleId, class: "records-add-title" }, addLabel),
      h("div", { class: "records-fields" }, addControls.elements),
      refusal,
      h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn btn-primary" }, addLabel)),
      addStatus);
    addControls.reset();
    addForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      refusal.textContent = "";
      // A photo may still be being shrunk: wait for it, or the record would be saved without it.
      const waiting = addControls.ready();
      if (waiting) await waiting;
      const bad = addControls.validate();
      if (bad) {
        bad.focus();
        return;
      }
      const values = addControls.read();
      const rule = entity.addOnlyWhen;
      if (rule && !matches(rule.conditions, values, entity, scope())) {
        refusal.textContent = rule.message;
        app.announce(rule.message);
        return;
      }
      const sameDay = section.onePerDate && values[section.onePerDate]
        ? store.list(entity.name).find((r) => r[section.onePerDate] === values[section.onePerDate])
        : null;
      if (sameDay) {
        saveAndTell(addStatus, () => store.update(entity.name, String(sameDay.id), values));
        app.announce("Updated the " + singular.toLowerCase() + " for " + values[section.onePerDate]);
      } else {
        const created = saveAndTell(addStatus, () => store.create(entity.name, values));
        app.announce("Added " + titleOf(created, entity));
      }
      addControls.reset();
      addControls.focusFirst();
    });
  }

  // ── Search and filters ──
  let query = "";
  /** @type {Record<string, string>} */
  const filterValues = {};
  const tools = [];
  if (section.search !== false) {
    const searchId = id + "-search";
    const search = h("input", { id: searchId, type: "search", autocomplete: "off", onInput: () => {
      query = search.value.trim().toLowerCase();
      renderRecords();
    } });
    tools.push(h("div", { class: "field records-search" }, h("label", { for: searchId }, "Search " + plural), search));
  }
  const filters = (section.filters || []).map((name) => filterOf(name, entity, app)).filter(Boolean);
  const filterSelects = filters.map((filter) => {
    const selectId = id + "-filter-" + filter.key;
    const select = h("select", { id: selectId, onChange: () => {
      filterValues[filter.key] = select.value;
      renderRecords();
    } });
    const fill = () => {
      const chosen = select.value;
      select.replaceChildren(h("option", { value: "" }, "All"), ...filter.options().map((o) => h("option", { value: o.value }, o.label)));
      select.value = [...select.options].some((o) => o.value === chosen) ? chosen : "";
      filterValues[filter.key] = select.value;
    };
    fill();
    tools.push(h("div", { class: "field records-filter" }, h("label", { for: selectId }, "Filter by " + filter.label.toLowerCase()), select));
    return fill;
  });
  const toolbar = tools.length ? h("div", { class: "toolbar records-toolbar" }, tools) : null;

  // ── Edit dialog ──
  const editControls = canEdit ? recordControls(entity, app) : null;
  /** @type {string | null} */
  let editingId = null;
  /** @type {HTMLElement | null} */
  let opener = null;
  let dialog = null;
  if (editControls) {
    const editTitleId = id + "-edit";
    const editForm = h("form", { class: "form", novalidate: true },
      h("div", { class: "records-fields" }, editControls.elements),
      h("div", { class: "form-actions" },
        h("button", { type: "submit", class: "btn btn-primary" }, "Save"),
        h("button", { type: "button", class: "btn", onClick: () => closeDialog() }, "Cancel")),
      editStatus);
    dialog = h("dialog", { class: "records-dialog", "aria-labelledby": editTitleId },
      h("h3", { id: editTitleId }, "Edit " + singular), editForm);
    dialog.addEventListener("close", () => {
      editingId = null;
      if (opener && opener.isConnected) opener.focus();
    });
    editForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const waiting = editControls.ready();
      if (waiting) await waiting;
      const bad = editControls.validate();
      if (bad) {
        bad.focus();
        return;
      }
      if (editingId && store.get(entity.name, editingId)) {
        const id = editingId;
        const saved = saveAndTell(editStatus, () => store.update(entity.name, id, editControls.read()));
        app.announce("Saved " + titleOf(saved, entity));
        // The dialog stays open to say a save did not fit; it closes as usual otherwise.
        if (editStatus.textContent) return;
      }
      closeDialog();
    });
  }

  function openEdit(record, button) {
    if (!dialog || !editControls) return;
    editingId = String(record.id);
    editStatus.textContent = "";
    opener = button;
    editControls.refreshParents();
    editControls.write(record);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    editControls.focusFirst();
  }

  function closeDialog() {
    if (!dialog) return;
    if (typeof dialog.close === "function" && dialog.open) dialog.close();
    else {
      dialog.removeAttribute("open");
      dialog.dispatchEvent(new Event("close"));
    }
  }

  // ── Undo of a delete (10 s). The bar does not repeat the title: the record is gone from the section. ──
  /** @type {Record<string, unknown> | null} */
  let deleted = null;
  let undoTimer = 0;
  const undoButton = h("button", { type: "button", class: "btn btn-small", onClick: () => {
    if (!deleted) return;
    const restored = store.create(entity.name, deleted);
    app.announce("Restored " + titleOf(restored, entity));
    hideUndo();
  } }, "Undo");
  const undoBar = h("p", { class: "records-undo", hidden: true }, h("span", {}, "1 " + singular.toLowerCase() + " deleted."), " ", undoButton);
  function offerUndo(record, title) {
    deleted = { ...record };
    undoButton.setAttribute("aria-label", "Undo delete of " + title);
    undoBar.hidden = false;
    clearTimeout(undoTimer);
    undoTimer = window.setTimeout(hideUndo, 10_000);
  }
  function hideUndo() {
    deleted = null;
    undoBar.hidden = true;
    clearTimeout(undoTimer);
  }

  // ── The records ──
  const body = h("div", { class: "records-body records-" + display });

  function visibleRecords() {
    const now = scope();
    let records = store.list(entity.name);
    if (section.where && section.where.length) records = records.filter((r) => matches(section.where, r, entity, now));
    const total = records.length;
    for (const filter of filters) {
      const wanted = filterValues[filter.key];
      if (wanted) records = records.filter((r) => filter.test(r, wanted));
    }
    if (query) records = records.filter((r) => searchTextOf(r, entity, app).includes(query));
    if (section.sort) records = sortRecords(records, section.sort, entity, now);
    if (section.limit) records = records.slice(0, section.limit);
    return { records, total };
  }

  function renderRecords() {
    const now = scope();
    const { records, total } = visibleRecords();
    if (!records.length) {
      const text = total ? "No " + plural + " match your search" : emptyTextOf(section, titleText, plural);
      body.replaceChildren(h("p", { class: "empty records-empty" }, text));
      return;
    }
    if (section.groupBy) {
      const groups = groupRecords(records, section.groupBy, entity, now, { includeEmpty: false });
      body.replaceChildren(...groups.map((group, i) => {
        const headingId = id + "-group-" + i;
        return h("div", { class: "records-group" }, h("h3", { id: headingId, class: "records-group-title" }, group.label), recordsView(group.records, headingId, now));
      }));
      return;
    }
    body.replaceChildren(recordsView(records, element.getAttribute("aria-labelledby"), now));
  }

  function recordsView(records, labelledBy, now) {
    if (display === "table") {
      return h("div", { class: "table-wrap" }, h("table", { class: "records-table", "aria-labelledby": labelledBy },
        h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c.label)), hasButtons() ? h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Actions")) : null)),
        h("tbody", {}, records.map((record) => tableRow(record, now)))));
    }
    return h("ul", { class: "records-list" + (display === "cards" ? " records-cards" : ""), "aria-labelledby": labelledBy }, records.map((record) => listItem(record, now)));
  }

  const hasButtons = () => canEdit || canDelete || actions.length > 0 || !!timers;

  function listItem(record, now) {
    const title = titleOf(record, entity);
    const titleId = id + "-r-" + record.id;
    const details = columns.filter((column) => column.key !== entity.fields[0].name).map((column) => {
      const { text, tone, image } = column.read(record, now);
      if (image) return h("div", { class: "record-field record-photo" }, h("dt", { class: "sr-only" }, column.label), h("dd", {}, thumbnail(image, column.label, title)));
      if (!text) return null;
      return h("div", { class: "record-field" }, h("dt", {}, column.label), h("dd", {}, valueNode(text, tone)));
    }).filter(Boolean);
    return h("li", { class: "record", "aria-labelledby": titleId },
      h("div", { class: "record-main" }, h("span", { class: "record-title", id: titleId }, title), details.length ? h("dl", { class: "record-fields" }, details) : null),
      buttonsOf(record, title));
  }

  function tableRow(record, now) {
    const title = titleOf(record, entity);
    return h("tr", { class: "record" },
      columns.map((column, i) => {
        const { text, tone, image } = column.read(record, now);
        if (image) return h(i === 0 ? "th" : "td", { scope: i === 0 ? "row" : null, class: "record-photo" }, thumbnail(image, column.label, title));
        const isNumber = /^-?[\d,.]+/.test(text) && text !== "";
        return h(i === 0 ? "th" : "td", { scope: i === 0 ? "row" : null, class: isNumber ? "num" : null }, valueNode(text, tone));
      }),
      hasButtons() ? h("td", { class: "row-actions" }, buttonsOf(record, title)) : null);
  }

  function buttonsOf(record, title) {
    const now = scope();
    const buttons = timers ? timers.controls(record, title) : [];
    for (const action of actions) {
      if (action.showWhen && action.showWhen.length && !matches(action.showWhen, record, entity, now)) continue;
      buttons.push(h("button", { type: "button", class: "btn btn-small", "aria-label": action.label + " " + title, onClick: () => {
        store.update(entity.name, String(record.id), actionPatch(action, record, app.today()));
        app.announce(action.label + ": " + title);
      } }, action.label));
    }
    if (canEdit) {
      const edit = h("button", { type: "button", class: "btn btn-small", "aria-label": "Edit " + title }, "Edit");
      edit.addEventListener("click", () => openEdit(record, edit));
      buttons.push(edit);
    }
    if (canDelete) {
      buttons.push(h("button", { type: "button", class: "btn btn-small btn-danger", "aria-label": "Delete " + title, onClick: () => {
        store.remove(entity.name, String(record.id));
        app.announce("Deleted " + title);
        offerUndo(record, title);
        // The button is gone with its record: keep keyboard users in the section.
        if (document.activeElement === document.body || !document.activeElement) element.focus({ preventScroll: true });
      } }, "Delete"));
    }
    return buttons.length ? h("div", { class: "record-actions" }, buttons) : null;
  }

  element.classList.add("records-section");
  element.append(...[addForm, toolbar, undoBar, body, dialog].filter(Boolean));
  renderRecords();
  const stopTicking = timers ? timers.tick(body) : () => {};

  const unsubscribe = store.subscribe(() => {
    if (addControls) addControls.refreshParents();
    filterSelects.forEach((fill) => fill());
    renderRecords();
  });
  return () => {
    unsubscribe();
    stopTicking();
    clearTimeout(undoTimer);
    if (dialog && dialog.open) dialog.close();
  };
}

/** A record's photo, small, named "<Photo> of <title>" ("Photo of Monstera"). */
function thumbnail(src, label, title) {
  return h("img", { class: "record-thumb", src, alt: label + " of " + title, decoding: "async" });
}

/** A value, with its highlight said in words (not by colour alone). */
function valueNode(text, tone) {
  if (!tone) return text;
  return h("span", { class: "record-value tone-" + tone }, text, h("span", { class: "record-tone" }, " " + (toneWords[tone] || "")));
}

/** The section's actions, else the entity's (a plan may put them on either). */
function actionsOf(section, entity) {
  const own = Array.isArray(section.actions) ? section.actions : [];
  const entityActions = Array.isArray(entity.actions) ? entity.actions : [];
  const all = [...own];
  for (const action of entityActions) if (!all.some((a) => a.label === action.label)) all.push(action);
  return all;
}

/** The fields an action sets: today, a toggle, an increment or a value. */
export function actionPatch(action, record, today) {
  /** @type {Record<string, unknown>} */
  const patch = {};
  for (const [name, how] of Object.entries(action.set || {})) {
    if (how && typeof how === "object" && "today" in how) patch[name] = isoDay(today);
    else if (how && typeof how === "object" && "toggle" in how) patch[name] = !record[name];
    else if (how && typeof how === "object" && "increment" in how) patch[name] = (Number(record[name]) || 0) + Number(how.increment);
    else patch[name] = how;
  }
  return patch;
}

/** What an empty section says: what to do, or that nothing matches the view right now. */
function emptyTextOf(section, title, plural) {
  if (section.emptyText) return section.emptyText;
  if (section.where && section.where.length) return "No " + String(title).toLowerCase() + " right now";
  return section.create !== false ? "No " + plural + " yet — add the first one above" : "No " + plural + " yet";
}

/** Sorts by a field, computed value or parent field; empty values last either way. */
export function sortRecords(records, sort, entity, scope) {
  const direction = sort.direction === "desc" ? -1 : 1;
  const keyed = records.map((record) => ({ record, key: fieldValue(record, sort.field, entity, scope) }));
  keyed.sort((a, b) => {
    const aEmpty = a.key === null || a.key === undefined || a.key === "";
    const bEmpty = b.key === null || b.key === undefined || b.key === "";
    if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
    if (typeof a.key === "number" && typeof b.key === "number") return (a.key - b.key) * direction;
    return String(a.key).localeCompare(String(b.key), undefined, { numeric: true, sensitivity: "base" }) * direction;
  });
  return keyed.map((k) => k.record);
}

/**
 * A filter select's options and test: an enum's options, Yes/No for a boolean, a parent's records.
 * @param {string} name @param {EntitySpec} entity @param {AppContext} app
 */
function filterOf(name, entity, app) {
  const field = entity.fields.find((f) => f.name === name);
  if (field && field.type === "enum") {
    return { key: name, label: field.label, options: () => (field.options || []).map((o) => ({ value: o, label: o })),
      test: (r, wanted) => (Array.isArray(r[name]) ? r[name].includes(wanted) : r[name] === wanted) };
  }
  if (field && field.type === "boolean") {
    return { key: name, label: field.label, options: () => [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }],
      test: (r, wanted) => (r[name] === true) === (wanted === "yes") };
  }
  if (field) {
    // Any other field: its distinct values.
    return { key: name, label: field.label, options: () => [...new Set(app.store.list(entity.name).map((r) => valueText(r[name], field)).filter(Boolean))].sort().map((v) => ({ value: v, label: v })),
      test: (r, wanted) => valueText(r[name], field) === wanted };
  }
  const parentName = (entity.belongsTo || []).find((p) => p === name || parentField(p) === name);
  const parent = parentName ? app.entity(parentName) : null;
  if (parent) {
    const key = parentField(parent.name);
    return { key, label: singularOf(parent), options: () => app.store.list(parent.name).map((p) => ({ value: String(p.id), label: titleOf(p, parent) })),
      test: (r, wanted) => String(r[key] || "") === wanted };
  }
  return null;
}
