// compileAppPlan as a whole: total on any input, deterministic, and every plan valid with no
// part that no requirement explains.
import { describe, expect, it } from "vitest";
import { ZPlan, type TPlan } from "~/server/plan/plan-schema";
import { compileAppPlan } from "./compile-app-plan";

const plan = (prompt: string, options?: Parameters<typeof compileAppPlan>[1]): TPlan => {
  const result = compileAppPlan(prompt, options);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};

describe("compileAppPlan: total and deterministic", () => {
  it.each([
    ["", false],
    ["   ", false],
    ["asdf qwer zxcv", true],
    ["<script>alert(1)</script> {{constructor}} ${process.env}", true],
    ["'; DROP TABLE users; --", true],
    ["🙂🙂🙂", true],
    ["a".repeat(50_000), true],
    ["track my ".repeat(2_000), true],
    ["(((((((((( , , , and and or / / /", true],
    ["1 2 3 4 5 6 7 8 9 10", true],
  ])("%j gives a valid plan or a clean error", (prompt, expectOk) => {
    const result = compileAppPlan(prompt);
    expect(result.ok).toBe(expectOk);
    if (result.ok) expect(ZPlan.parse(result.plan)).toEqual(result.plan);
    else expect(result.error).toMatch(/\w/);
  });

  // A run that built nothing must not end green: with no word to blame, the whole prompt is the
  // unsupported requirement, and the one page says so, tied to it.
  it.each(["hello", "make me an app", "can you build something for me please", "1 2 3 4 5 6 7 8 9 10", "(((((((((( , , , and and or / / /", "🙂🙂🙂"])(
    "%j: nothing buildable is one unsupported requirement, never a plan with none",
    (prompt) => {
      const compiled = plan(prompt);
      const unsupported = (compiled.requirements ?? []).filter((r) => r.status === "unsupported");
      expect(unsupported.length).toBeGreaterThan(0);
      expect(compiled.entities).toEqual([]);
      expect(compiled.pages).toHaveLength(1);
      const notice = (compiled.pages[0]!.sections ?? []).find((section) => section.type === "notice");
      expect(notice?.requirementIds).toEqual(expect.arrayContaining(unsupported.map((r) => r.id)));
    },
  );

  it("refuses non-strings without throwing", () => {
    expect(compileAppPlan(undefined).ok).toBe(false);
    expect(compileAppPlan(42).ok).toBe(false);
  });

  it("gives the same plan for the same prompt", () => {
    const prompt = "community library lending app. members borrow books, each loan has a due date. show an overdue list";
    expect(plan(prompt)).toEqual(plan(prompt));
  });

  it("says what it could not understand instead of staying silent", () => {
    const gibberish = plan("blorptastic zwingle frobnicator");
    expect(gibberish.requirements?.some((r) => r.status === "unsupported" && /did not understand/i.test(r.text))).toBe(true);
  });

  it("quotes the prompt verbatim, typos included", () => {
    const prompt = "a app to trak my expences by categry";
    for (const requirement of plan(prompt).requirements ?? []) expect(prompt).toContain(requirement.quote);
    expect(plan(prompt).requirements?.map((r) => r.quote)).toContain("expences");
  });

  it("never plans an entity or page that no requirement asks for", () => {
    for (const prompt of ["small crm: leads (name, company, email, source) and deals linked to a lead with an amount", "Landing page for my café, The Little Fox Café in Bristol. Needs our menu and opening hours"]) {
      const p = plan(prompt);
      for (const e of p.entities) expect(e.requirementIds?.length, e.name).toBeGreaterThan(0);
      for (const page of p.pages) expect(page.requirementIds?.length, page.path).toBeGreaterThan(0);
    }
  });
});

describe("compileAppPlan: follow-ups edit the plan they are given", () => {
  const base = () => plan("habit tracker where I tick off habits each day");
  it("adds a field to the named entity, keeps earlier requirements and the storage key", () => {
    const first = { ...base(), storage: { key: "proj-habits", version: 1 } };
    const next = plan("add a notes field to each habit", { plan: first, promptIndex: 1 });
    expect(next.entities.find((e) => e.name === "Habit")?.fields.some((f) => f.name === "notes")).toBe(true);
    for (const r of first.requirements ?? []) expect(next.requirements).toContainEqual(r);
    expect(next.requirements?.filter((r) => r.promptIndex === 1).length).toBeGreaterThan(0);
    expect(next.storage).toEqual({ key: "proj-habits", version: 2 });
    expect(next.pages.map((p) => p.path)).toEqual(first.pages.map((p) => p.path));
  });
  it("switches to dark mode without touching the records", () => {
    const first = plan("todo list with priorities high medium low");
    const next = plan("switch to dark mode", { plan: first, promptIndex: 1 });
    expect(next.theme.colorScheme).toBe("dark");
    expect(next.entities).toEqual(first.entities);
  });
  it("answers an ask the app already meets without adding anything", () => {
    const first = plan("todo list with priorities high medium low");
    const next = plan("add a delete button to every task", { plan: first, promptIndex: 2 });
    expect(next.changes?.alreadyThere.length).toBeGreaterThan(0);
    expect(next.entities).toEqual(first.entities);
    expect(next.pages.length).toBe(first.pages.length);
  });
  it("renames the app", () => {
    const next = plan("call the app Grandma's Kitchen", { plan: plan("a recipe box where i save recipes with ingredients"), promptIndex: 1 });
    expect(next.appName).toBe("Grandma's Kitchen");
  });
});

describe("compileAppPlan: no phantom parts", () => {
  const unread = (p: TPlan) => (p.requirements ?? []).filter((r) => r.status === "unsupported").map((r) => r.quote);

  it.each([
    ["dashboard showing my spending by category as a pie chart for this month", "Expense", "category"],
    ["I enter each sale with date, product and amount. Line chart of sales per month", "Sale", "product"],
    ["expenses with amount and category. a donut chart by category", "Expense", "category"],
  ])("%s → one list (%s) whose %s is a field, not a list of its own", (prompt, entity, field) => {
    const p = plan(prompt);
    expect(p.entities.map((e) => e.name)).toEqual([entity]);
    expect(p.entities[0]!.fields.map((f) => f.name)).toContain(field);
    expect(unread(p)).toEqual([]);
  });

  it("charts the records the prompt keeps, of the asked type, over the asked period, grouped as asked", () => {
    const p = plan("dashboard showing my spending by category as a pie chart for this month");
    const chart = p.pages.flatMap((page) => page.sections ?? []).find((s) => s.type === "chart");
    expect(chart).toMatchObject({ type: "chart", chartType: "pie", entity: "Expense", groupBy: { field: "category" }, period: { range: "thisMonth" } });
    expect(p.appName).toBe("Expense Tracker");
  });

  it("a task list is not a kanban board unless a board is asked for", () => {
    expect(plan("tasks with due dates; show overdue ones").pages.flatMap((page) => page.sections ?? []).map((s) => s.type)).not.toContain("board");
    const board = plan("kanban board with columns Backlog, Doing, Review, Done. drag cards between columns");
    expect(board.entities[0]!.fields.find((f) => f.name === "status")?.options).toEqual(["Backlog", "Doing", "Review", "Done"]);
    expect(unread(board)).toEqual([]);
  });

  it("a site without a brand is titled by its kind of business and keeps its contact form", () => {
    const p = plan("website for my bakery with a contact form");
    expect(p.appName).toBe("Bakery");
    expect(p.entities.map((e) => e.name)).toEqual(["ContactMessage"]);
    expect(p.pages[0]!.sections?.map((s) => s.type)).toEqual(["hero", "form"]);
  });

  it("a guestbook reads its order and who posts", () => {
    const p = plan("a guestbook where visitors leave their name and a message, newest first");
    expect(unread(p)).toEqual([]);
    expect(p.pages[0]!.sections?.find((s) => s.type === "feed")).toMatchObject({ order: "newest" });
  });
});
