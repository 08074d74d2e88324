// @vitest-environment happy-dom
// Shared browser modules: the DOM builder, hash routing, SVG charts and form field controls.
import { afterEach, describe, expect, it, vi } from "vitest";
import { barChart, lineChart } from "../runtime/src/lib/charts.js";
import { h, svg } from "../runtime/src/lib/dom.js";
import { formatNumber } from "../runtime/src/lib/format.js";
import { currentPath, hrefFor, startRouter } from "../runtime/src/lib/router.js";
import { emptyState } from "../runtime/src/ui/empty-state.js";
import { fieldControl, parentControl } from "../runtime/src/ui/fields.js";

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

describe("router", () => {
  afterEach(() => {
    window.location.hash = "";
  });

  it("reads the route from the hash and ignores plain anchors", () => {
    const at = (hash) => {
      window.location.hash = hash;
      return currentPath();
    };
    expect(at("")).toBe("/");
    expect(at("#/tasks")).toBe("/tasks");
    expect(at("#/tasks?sort=due")).toBe("/tasks");
    expect(at("#/caf%C3%A9")).toBe("/café");
    expect(at("#main")).toBeNull();
    expect(hrefFor("/tasks")).toBe("#/tasks");
  });

  it("renders the current route at start and on every route change", async () => {
    // hashchange is delivered asynchronously: let the earlier tests' changes arrive first.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    window.location.hash = "#/first";
    await settle();
    const onRoute = vi.fn();
    startRouter(onRoute);
    window.location.hash = "#/second";
    await settle();
    window.location.hash = "#main";
    await settle();
    expect(onRoute.mock.calls.map(([path]) => path)).toEqual(["/first", "/second"]);
  });
});

describe("charts", () => {
  const data = [
    { label: "Groceries", value: 120 },
    { label: "Entertainment and leisure", value: 45 },
    { label: "Rent", value: 0 },
  ];

  it("draws bars against a rounded scale, with labelled axes and titled bars", () => {
    const chart = barChart("Spend by category", data, formatNumber);
    expect(chart.getAttribute("aria-label")).toBe("Spend by category");
    expect(chart.getAttribute("viewBox")).toBe("0 0 560 240");
    expect([...chart.querySelectorAll(".chart-axis")].map((t) => t.textContent)).toEqual(["0", "50", "100", "150", "200"]);
    const bars = [...chart.querySelectorAll("rect")];
    expect(bars.map((b) => b.textContent)).toEqual(["Groceries: 120", "Entertainment and leisure: 45", "Rent: 0"]);
    const heights = bars.map((b) => Number(b.getAttribute("height")));
    expect(heights[0] / heights[1]).toBeCloseTo(120 / 45, 6);
    expect(heights[2]).toBe(0);
    expect([...chart.querySelectorAll(".chart-label")].map((t) => t.textContent)).toEqual(["Groceries", "Entertainme…", "Rent"]);
  });

  it("keeps a usable scale when every value is zero", () => {
    const chart = barChart("Nothing yet", [{ label: "A", value: 0 }], formatNumber);
    expect([...chart.querySelectorAll(".chart-axis")].map((t) => t.textContent)).toEqual(["0", "0.25", "0.5", "0.75", "1"]);
  });

  it("draws a line with an area under it only when there are two points or more", () => {
    const months = [{ label: "Jan 25", value: 10 }, { label: "Feb 25", value: 30 }, { label: "Mar 25", value: 20 }];
    const chart = lineChart("Per month", months, formatNumber);
    expect(chart.querySelectorAll("circle")).toHaveLength(3);
    expect(chart.querySelector("polyline").getAttribute("points").split(" ")).toHaveLength(3);
    expect(chart.querySelector(".chart-area")).not.toBeNull();
    const single = lineChart("One month", months.slice(0, 1), formatNumber);
    expect(single.querySelector("polyline")).toBeNull();
    expect(single.querySelectorAll("circle")).toHaveLength(1);
  });
});

describe("field controls", () => {
  const field = (type, extra = {}) => ({ name: "x", label: "Due date", type, required: false, ...extra });

  it("gives each field type its input, labelled and tied to its error", () => {
    const date = fieldControl(field("date", { required: true }));
    expect(date.input.type).toBe("date");
    expect(date.wrapper.querySelector("label").textContent).toBe("Due date");
    expect(date.input.getAttribute("aria-required")).toBe("true");
    expect(fieldControl(field("number")).input.getAttribute("inputmode")).toBe("decimal");
    expect(fieldControl(field("text")).input.tagName).toBe("TEXTAREA");
    expect(fieldControl(field("email")).input.getAttribute("autocomplete")).toBe("email");
    const a = fieldControl(field("string"));
    const b = fieldControl(field("string"));
    expect(a.input.id).not.toBe(b.input.id);
  });

  it("offers enum options, with an empty choice only when optional", () => {
    const options = (control) => [...control.input.options].map((o) => o.value);
    expect(options(fieldControl(field("enum", { options: ["Low", "High"] })))).toEqual(["", "Low", "High"]);
    expect(options(fieldControl(field("enum", { options: ["Low", "High"], required: true })))).toEqual(["Low", "High"]);
  });

  it("reads and writes values, and shows and clears errors accessibly", () => {
    const done = fieldControl(field("boolean"));
    done.write(true);
    expect(done.read()).toBe(true);
    const title = fieldControl(field("string"));
    title.write(null);
    expect(title.read()).toBe("");
    title.setError("Title is required");
    expect(title.input.getAttribute("aria-invalid")).toBe("true");
    expect(title.wrapper.querySelector(".field-error").textContent).toBe("Title is required");
    expect(title.input.getAttribute("aria-describedby")).toBe(title.wrapper.querySelector(".field-error").id);
    title.setError("");
    expect(title.input.hasAttribute("aria-invalid")).toBe(false);
  });

  it("lists parent records and keeps the choice while it still exists", () => {
    const contact = parentControl({ name: "Contact", label: "Contact", pluralLabel: "Contacts" }, "contactId");
    contact.setOptions([], "name");
    expect(contact.input.options[0].textContent).toBe("No contacts yet");
    contact.setOptions([{ id: 1, name: "Ada" }, { id: 2, name: "Grace" }], "name");
    expect([...contact.input.options].map((o) => o.textContent)).toEqual(["— Choose a contact —", "Ada", "Grace"]);
    contact.write(2);
    expect(contact.read()).toBe(2);
    contact.setOptions([{ id: 2, name: "Grace" }], "name");
    expect(contact.read()).toBe(2);
    contact.setOptions([{ id: 1, name: "Ada" }], "name");
    expect(contact.read()).toBeNull();
  });

  it("renders empty states with their actions", () => {
    const el = emptyState("No tasks yet", "Add one.", h("button", {}, "Add"));
    expect(el.querySelector("h3").textContent).toBe("No tasks yet");
    expect(el.querySelector(".empty-actions button").textContent).toBe("Add");
    expect(emptyState("Empty", "Nothing").querySelector(".empty-actions")).toBeNull();
  });
});
