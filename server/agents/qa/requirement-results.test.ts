import { describe, expect, it } from "vitest";
import type { TRequirement } from "~/server/plan/plan-schema";
import type { RequirementResult } from "~/server/plan/requirements";
import { collectRunGaps, computeRequirementResults, noCheckMessage, type RequirementCheck } from "./requirement-results";

const requirement = (id: string, extra: Partial<TRequirement> = {}): TRequirement => ({
  id,
  kind: "entity",
  text: `Requirement ${id}`,
  quote: id,
  promptIndex: 0,
  status: "planned",
  ...extra,
});

const check = (id: string, requirementIds: string[], status: RequirementCheck["status"], message?: string): RequirementCheck => ({
  id,
  description: `Check ${id}`,
  requirementIds,
  status,
  message: message ?? null,
});

type Case = {
  name: string;
  requirements: TRequirement[] | undefined;
  checks: RequirementCheck[];
  browserUnavailableReason?: string;
  expected: RequirementResult[];
};

const cases: Case[] = [
  { name: "a plan without requirements (older plans) has no results", requirements: undefined, checks: [check("loads", [], "passed")], expected: [] },
  {
    name: "every check of a requirement passed → passed",
    requirements: [requirement("r-books")],
    checks: [check("add-book", ["r-books"], "passed"), check("edit-book", ["r-books"], "passed"), check("loads", [], "passed")],
    expected: [{ id: "r-books", outcome: "passed", message: null, checkIds: ["add-book", "edit-book"] }],
  },
  {
    name: "one failing check fails the requirement, with the first failure's description and message",
    requirements: [requirement("r-streak")],
    checks: [
      check("tick", ["r-streak"], "passed"),
      check("streak-one", ["r-streak"], "failed", 'expected "Streak: 1"'),
      check("streak-two", ["r-streak"], "failed", "second failure"),
    ],
    expected: [{ id: "r-streak", outcome: "failed", message: 'Check streak-one: expected "Streak: 1"', checkIds: ["tick", "streak-one", "streak-two"] }],
  },
  {
    name: "a failing check without a message still says it failed",
    requirements: [requirement("r-a")],
    checks: [check("a", ["r-a"], "failed")],
    expected: [{ id: "r-a", outcome: "failed", message: "Check a: failed", checkIds: ["a"] }],
  },
  {
    name: "a check shared by two requirements fails both",
    requirements: [requirement("r-loans"), requirement("r-overdue", { kind: "view" })],
    checks: [check("overdue-loan", ["r-loans", "r-overdue"], "failed", "no row"), check("add-loan", ["r-loans"], "passed")],
    expected: [
      { id: "r-loans", outcome: "failed", message: "Check overdue-loan: no row", checkIds: ["overdue-loan", "add-loan"] },
      { id: "r-overdue", outcome: "failed", message: "Check overdue-loan: no row", checkIds: ["overdue-loan"] },
    ],
  },
  {
    name: "a planned requirement no check names is unverified, never passed",
    requirements: [requirement("r-chart", { kind: "chart" })],
    checks: [check("loads", [], "passed"), check("other", ["r-other"], "passed")],
    expected: [{ id: "r-chart", outcome: "unverified", message: noCheckMessage, checkIds: [] }],
  },
  {
    name: "unsupported requirements keep the compiler's reason, whatever their checks say",
    requirements: [requirement("r-login", { kind: "page", status: "unsupported", reason: "sign-in needs a server" })],
    checks: [check("login", ["r-login"], "passed")],
    expected: [{ id: "r-login", outcome: "unsupported", message: "sign-in needs a server", checkIds: ["login"] }],
  },
  {
    name: "an unsupported requirement without a reason still says why it is reported",
    requirements: [requirement("r-x", { status: "unsupported" })],
    checks: [],
    expected: [{ id: "r-x", outcome: "unsupported", message: "the app builder cannot build this", checkIds: [] }],
  },
  {
    name: "without a browser every checked requirement is unverified, with the reason",
    requirements: [requirement("r-a"), requirement("r-b"), requirement("r-c", { status: "unsupported", reason: "no" })],
    checks: [check("a", ["r-a"], "unverified"), check("loads", [], "unverified")],
    browserUnavailableReason: "no Chromium found",
    expected: [
      { id: "r-a", outcome: "unverified", message: "no Chromium found", checkIds: ["a"] },
      { id: "r-b", outcome: "unverified", message: noCheckMessage, checkIds: [] },
      { id: "r-c", outcome: "unsupported", message: "no", checkIds: [] },
    ],
  },
  {
    name: "a check that did not run leaves its requirement unverified; a failure elsewhere outranks it",
    requirements: [requirement("r-a"), requirement("r-b")],
    checks: [check("a1", ["r-a"], "passed"), check("a2", ["r-a"], "unverified"), check("b1", ["r-b"], "unverified"), check("b2", ["r-b"], "failed", "wrong")],
    expected: [
      { id: "r-a", outcome: "unverified", message: "a check did not run", checkIds: ["a1", "a2"] },
      { id: "r-b", outcome: "failed", message: "Check b2: wrong", checkIds: ["b1", "b2"] },
    ],
  },
  {
    name: "results keep the plan's order, one per requirement",
    requirements: [requirement("r-2"), requirement("r-1"), requirement("r-3")],
    checks: [check("c1", ["r-1"], "passed"), check("c2", ["r-2"], "failed", "x"), check("c3", ["r-3"], "passed")],
    expected: [
      { id: "r-2", outcome: "failed", message: "Check c2: x", checkIds: ["c2"] },
      { id: "r-1", outcome: "passed", message: null, checkIds: ["c1"] },
      { id: "r-3", outcome: "passed", message: null, checkIds: ["c3"] },
    ],
  },
];

describe("computeRequirementResults", () => {
  it.each(cases)("$name", ({ requirements, checks, browserUnavailableReason, expected }) => {
    expect(computeRequirementResults({ plan: { requirements }, checks, browserUnavailableReason: browserUnavailableReason ?? null })).toEqual(expected);
  });
});

describe("collectRunGaps", () => {
  const requirements = [
    requirement("r-books", { text: "Keep a list of books" }),
    requirement("r-chart", { kind: "chart", text: "A pie chart of spending" }),
    requirement("r-login", { kind: "page", text: "Sign in", status: "unsupported", reason: "sign-in needs a server" }),
    requirement("r-tags", { kind: "field", text: "Books have tags" }),
  ];

  it("names each requirement not passed, with its outcome and why; passed ones and their checks are no gap", () => {
    const checks = [check("add-book", ["r-books"], "passed"), check("pie", ["r-chart"], "failed", "no slice"), check("loads", [], "passed")];
    const results = computeRequirementResults({ plan: { requirements }, checks, browserUnavailableReason: null });
    expect(collectRunGaps({ plan: { requirements }, checks, browserUnavailableReason: null, results })).toEqual([
      { kind: "requirement", id: "r-chart", description: "A pie chart of spending", status: "failed", reason: "Check pie: no slice" },
      { kind: "requirement", id: "r-login", description: "Sign in", status: "unsupported", reason: "sign-in needs a server" },
      { kind: "requirement", id: "r-tags", description: "Books have tags", status: "unverified", reason: noCheckMessage },
    ]);
  });

  it("without a browser, reports the requirements and only the checks tied to no requirement", () => {
    const checks = [check("add-book", ["r-books"], "unverified"), check("loads", [], "unverified"), check("stray", ["r-gone"], "unverified")];
    const plan = { requirements: requirements.slice(0, 1) };
    const results = computeRequirementResults({ plan, checks, browserUnavailableReason: "no browser" });
    expect(collectRunGaps({ plan, checks, browserUnavailableReason: "no browser", results })).toEqual([
      { kind: "requirement", id: "r-books", description: "Keep a list of books", status: "unverified", reason: "no browser" },
      { kind: "acceptance-check", id: "loads", description: "Check loads", status: "unverified", reason: "no browser" },
      { kind: "acceptance-check", id: "stray", description: "Check stray", status: "unverified", reason: "no browser" },
    ]);
  });

  it("a fully met plan has no gaps", () => {
    const checks = [check("add-book", ["r-books"], "passed"), check("loads", [], "passed")];
    const plan = { requirements: requirements.slice(0, 1) };
    const results = computeRequirementResults({ plan, checks, browserUnavailableReason: null });
    expect(collectRunGaps({ plan, checks, browserUnavailableReason: null, results })).toEqual([]);
  });
});
