// Phrasing families, table-driven: each row is a prompt, the requirement it must plan (kind and
// quoted words) and what the plan must then contain; none of these prompts leaves words "not
// understood". Families: per-day ticks said passively, a wall for a website and its order, the
// list of everyone who replied, birthdays within a window, self-descriptions, paid/unpaid.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { compileAppPlan } from "../compile-app-plan";

type Row = [prompt: string, kind: string, quote: string, check?: (plan: TPlan) => boolean];

const compile = (prompt: string): TPlan => {
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};
const sections = (plan: TPlan) => plan.pages.flatMap((p) => p.sections ?? []);
const feedOrder = (plan: TPlan) => (sections(plan).find((s) => s.type === "feed") as { order?: string } | undefined)?.order;
const hasCheckins = (plan: TPlan) => sections(plan).some((s) => s.type === "checkins");
const windowDays = (plan: TPlan) => JSON.stringify(sections(plan)).match(/"op":"withinNextDays","days":(\d+)/)?.[1];
const entityNames = (plan: TPlan) => plan.entities.map((e) => e.name).sort().join();

const rows: Row[] = [
  // ── A per-day tick, said in other forms ──
  ["chore chart for my 3 kids, chores get ticked off each day", "interaction", "get ticked off each day", hasCheckins],
  ["list of chores, each one marked done every day", "interaction", "marked done every day", hasCheckins],
  ["chores crossed off each day", "interaction", "crossed off each day", hasCheckins],
  ["habits that are checked off daily", "interaction", "are checked off daily", hasCheckins],
  ["a daily checklist of tasks that get ticked off", "interaction", "daily checklist of tasks that get ticked off", hasCheckins],
  ["a list of my habits, each gets ticked off per day", "interaction", "gets ticked off per day", hasCheckins],
  // ── A guestbook or wall for a website: the wall itself, in the order asked ──
  ["a guestbook for my website where visitors leave their name and a message, newest on top", "page", "for my website", (p) => feedOrder(p) === "newest" && !sections(p).some((s) => s.type === "hero")],
  ["a guestbook for my website where visitors leave their name and a message, newest on top", "interaction", "visitors leave"],
  ["a guestbook for my website where visitors leave their name and a message, newest on top", "view", "newest on top"],
  ["comment wall for our blog where people can post, latest first", "view", "latest first", (p) => feedOrder(p) === "newest"],
  ["comment wall for our blog where people can post, latest first", "interaction", "people can post"],
  ["guest book on my homepage, guests write a note, oldest first", "view", "oldest first", (p) => feedOrder(p) === "oldest"],
  ["a guestbook where visitors leave their name and a message, most recent first", "view", "most recent first", (p) => feedOrder(p) === "newest"],
  ["a guestbook where visitors leave their name and a message, in chronological order", "view", "in chronological order", (p) => feedOrder(p) === "oldest"],
  ["a guestbook where visitors leave their name and a message, sorted by date", "view", "sorted by date", (p) => feedOrder(p) === "newest"],
  ["a guestbook where visitors leave their name and a message, earliest first", "view", "earliest first", (p) => feedOrder(p) === "oldest"],
  ["a message wall where friends leave notes, latest messages at the top", "view", "latest messages at the top", (p) => feedOrder(p) === "newest"],
  // ── The list of everyone who replied to a site's form ──
  ["wedding RSVP page where guests enter their name, whether they're coming and any dietary needs; a list for us of everyone who replied", "page", "list for us of everyone who replied", (p) => sections(p).some((s) => s.type === "records" && s.entity === "Guest")],
  ["wedding RSVP page where guests enter their name and whether they're coming; a list of everyone who has responded", "page", "list of everyone who has responded"],
  ["party RSVP page: guests enter their name and whether they're coming; a table of all guests who signed up", "page", "table of all guests who signed up"],
  ["wedding RSVP page where guests enter their name and whether they're coming, and a page to see all the replies", "page", "page to see all the replies"],
  ["RSVP page for our barbecue, guests enter their name and whether they're coming; let us see who's coming", "page", "see who's coming"],
  ["wedding RSVP page where guests enter their name and whether they're coming; a list of everybody that answered", "page", "list of everybody that answered"],
  // ── Birthdays coming up within a window said in the prompt ──
  ["remember friends birthdays and show whose birthday is coming up in the next 30 days", "view", "whose birthday is coming up in the next 30 days", (p) => windowDays(p) === "30" && entityNames(p) === "Person"],
  ["remember friends birthdays and show whose birthday is coming up in the next 30 days", "entity", "friends"],
  ["keep track of my family's birthdays, show birthdays coming up in the next 2 weeks", "view", "birthdays coming up in the next 2 weeks", (p) => windowDays(p) === "14"],
  ["friends and their birthdays, list birthdays within 10 days", "view", "within 10 days", (p) => windowDays(p) === "10" && entityNames(p) === "Person"],
  ["friends birthdays, who has a birthday in the next week", "view", "who has a birthday in the next week", (p) => windowDays(p) === "7"],
  ["remember my friends' birthdays and show the upcoming birthdays in the next month", "view", "upcoming birthdays in the next month", (p) => windowDays(p) === "30"],
  ["keep my family members with their birthday, list birthdays coming up", "view", "birthdays coming up", (p) => windowDays(p) === "30"],
  // ── Who the user is: context folded into the app's name ──
  ["I'm a freelancer. Clients, invoices for each client with amount and due date, mark invoices paid, and show me overdue unpaid invoices", "name", "I'm a freelancer", (p) => p.appName.startsWith("Freelancer")],
  ["I am a dog walker, log walks with date and dog", "name", "I am a dog walker", (p) => p.appName.startsWith("Dog Walker")],
  ["We're a small charity. Track donations with amount and donor", "name", "We're a small charity", (p) => p.appName === "Charity Donations"],
  ["As a teacher, I keep students and their marks", "name", "As a teacher", (p) => p.appName.startsWith("Teacher")],
  ["im a personal trainer, clients with name and phone", "name", "im a personal trainer", (p) => p.appName.startsWith("Personal Trainer")],
  // ── Paid and unpaid: the mark action and the open state a list keeps to ──
  ["I'm a freelancer. Clients, invoices for each client with amount and due date, mark invoices paid, and show me overdue unpaid invoices", "interaction", "mark invoices paid", (p) => entityNames(p) === "Client,Invoice"],
  ["I'm a freelancer. Clients, invoices for each client with amount and due date, mark invoices paid, and show me overdue unpaid invoices", "view", "overdue unpaid invoices", (p) => JSON.stringify(sections(p)).includes('{"field":"paid","op":"isFalse"}')],
  ["invoices with amount and due date, mark as paid, list unpaid overdue invoices", "view", "unpaid overdue invoices"],
  ["loans with due date, mark returned, show overdue unreturned loans", "view", "overdue unreturned loans", (p) => !p.entities.some((e) => e.name === "Mark")],
  ["bills with amount and due date; tick bills paid; show overdue outstanding bills", "view", "overdue outstanding bills"],
  ["students and marks for each test, and mark each test", "entity", "marks", (p) => p.entities.some((e) => e.name === "Mark")],
];

describe("phrasing families", () => {
  it.each(rows)("%s → %s «%s»", (prompt, kind, quote, check) => {
    const plan = compile(prompt);
    const found = plan.requirements?.find((r) => r.kind === kind && r.status === "planned" && (r.quote.includes(quote) || quote.includes(r.quote)));
    expect(found, JSON.stringify(plan.requirements?.map((r) => [r.kind, r.quote]))).toBeDefined();
    if (check) expect(check(plan), JSON.stringify({ appName: plan.appName, entities: entityNames(plan) })).toBe(true);
  });

  it.each([...new Set(rows.map((r) => r[0]))].filter((p) => !/family's|^students and marks/.test(p)))("%s leaves no words not understood", (prompt) => {
    const plan = compile(prompt);
    expect(plan.requirements?.filter((r) => r.status === "unsupported").map((r) => r.quote)).toEqual([]);
  });

  it("says a window with no yearly date to look ahead for is not supported, with a reason", () => {
    const plan = compile("track my anniversary list and show the ones in the next month");
    const windowReq = plan.requirements?.find((r) => r.quote.includes("next month"));
    expect(windowReq?.status === "planned" || !!windowReq?.reason).toBe(true);
  });
});
