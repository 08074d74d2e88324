// Quiz section: one question at a time, feedback after each answer, the final score as the plan
// asks for it ("3 / 10", "30%" or "7 stars") and a new round on "Play again".
//
// Sources (section.source.kind): "dataset" (a bundled data set, multiple choice), "times-table"
// (typed answers; the user picks a table first when the plan says so), "inline" (the plan's own
// questions, multiple choice when they list options) and "entity" (the user's own question
// records, typed answers). The order of a round is deterministic (see content/questions.js):
// round 1 on a fresh app is always the same, and the round number moves on when a round ends.
import { h } from "../lib/dom.js";
import { datasets } from "../data/index.js";
import { createPrefs } from "../content/prefs.js";
import { datasetQuestions, inlineQuestions, isCorrect, recordQuestions, scoreText, timesTableQuestions } from "../content/questions.js";
import { button, field, figure, uid } from "../content/ui.js";

/** The page that lists an entity's records (where quiz questions are written), if there is one. */
function pageWithRecords(spec, entity) {
  for (const page of (spec && spec.pages) || []) {
    if ((page.sections || []).some((s) => s.type === "records" && s.entity === entity)) return page;
  }
  return null;
}

/** A stable name for the source, so each quiz keeps its own round number. */
function sourceKey(source) {
  if (source.kind === "dataset") return "dataset/" + source.dataset;
  if (source.kind === "times-table") return "times-table";
  if (source.kind === "entity") return "entity/" + source.entity;
  return "inline";
}

export function render(sectionElement, section, app) {
  const source = section.source;
  const format = section.score || "fraction";
  const prefs = createPrefs(app, "quiz/" + sourceKey(source));
  const root = h("div", { class: "quiz" });
  sectionElement.append(root);

  const tables = source.kind === "times-table" ? source.tables : [];
  const choosesTable = source.kind === "times-table" && source.pickTable !== false && tables.length > 1;
  /** The table being practised: a number, null for a mix of all of them, undefined before picking. */
  let table = source.kind === "times-table" ? (choosesTable ? undefined : tables.length === 1 ? tables[0] : null) : null;
  /** @type {import("../content/questions.js").Question[]} */
  let questions = [];
  let index = 0;
  let correct = 0;
  /** The answer given to the current question, or null while it is open. */
  let given = null;
  let finished = false;

  function buildRound() {
    const round = Number(prefs.get("round", 1)) || 1;
    switch (source.kind) {
      case "dataset": {
        const dataset = datasets[source.dataset];
        return dataset ? datasetQuestions(dataset, source.count || 10, round) : [];
      }
      case "times-table":
        return table === undefined ? [] : timesTableQuestions({ tables, table, questions: source.questions || 10, round });
      case "inline":
        return inlineQuestions(source.questions);
      case "entity":
        return recordQuestions(app.store.list(source.entity), source.promptField, source.answerField);
      default:
        return [];
    }
  }

  function start() {
    questions = buildRound();
    index = 0;
    correct = 0;
    given = null;
    finished = false;
    show();
  }

  function answer(text) {
    if (given !== null || finished) return;
    given = text;
    if (isCorrect(questions[index], text)) correct += 1;
    show();
  }

  function next() {
    if (given === null) return;
    if (index + 1 < questions.length) {
      index += 1;
      given = null;
    } else {
      finished = true;
      // A finished round moves the quiz on: the next round (now or after a reload) is a new order.
      prefs.set("round", (Number(prefs.get("round", 1)) || 1) + 1);
    }
    show();
  }

  function picker() {
    if (!choosesTable) return null;
    const choices = [...tables.map((t) => ({ value: t, text: String(t), name: t + " times table" })), { value: null, text: "Mixed", name: "Mixed tables" }];
    return h("div", { class: "quiz-picker", role: "group", "aria-label": "Pick a table" },
      choices.map((choice) => button(choice.text, () => { table = choice.value; start(); }, table === choice.value ? "primary" : "", { "aria-label": choice.name, "aria-pressed": String(table === choice.value) })));
  }

  function progressLine() {
    const soFar = format === "stars" ? "★".repeat(correct) + " " + correct + (correct === 1 ? " star" : " stars") + " so far" : correct + " right so far";
    return h("div", { class: "quiz-progress" }, h("p", {}, "Question " + (index + 1) + " of " + questions.length), h("p", { class: "muted" }, soFar));
  }

  function askView() {
    const question = questions[index];
    const questionId = uid("quiz-question");
    const answered = given !== null;
    const right = answered && isCorrect(question, given);
    const parts = [progressLine(), h("p", { class: "quiz-question", id: questionId }, question.prompt)];
    if (question.display) parts.push(h("p", { class: "quiz-display", "aria-label": "Shown: " + question.display }, question.display));
    /** @type {HTMLElement | null} */
    let focusTarget = null;
    if (question.options) {
      const optionButtons = question.options.map((option) => {
        const state = !answered ? "" : option === question.answer ? " is-correct" : option === given ? " is-wrong" : "";
        return h("button", { type: "button", class: "btn quiz-option" + state, disabled: answered, "aria-pressed": answered ? String(option === given) : null, onClick: () => answer(option) }, option);
      });
      parts.push(h("div", { class: "quiz-options", role: "group", "aria-labelledby": questionId }, optionButtons));
      if (!answered) focusTarget = optionButtons[0];
    } else {
      const input = h("input", { type: "text", autocomplete: "off", inputmode: /^-?\d+$/.test(question.answer) ? "numeric" : null, value: answered ? given : "", readonly: answered });
      const form = h("form", { class: "quiz-answer", "aria-label": "Answer", novalidate: true },
        field("Your answer", input),
        h("button", { type: "submit", class: "btn btn-primary", hidden: answered }, "Check"));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        if (answered) next();
        else if (input.value.trim()) answer(input.value);
      });
      parts.push(form);
      if (!answered) focusTarget = input;
    }
    const feedback = h("p", { class: "quiz-feedback" + (answered ? (right ? " is-correct" : " is-wrong") : ""), role: "status" }, answered ? (right ? "Correct!" : "Not quite — the answer is " + question.answer + ".") : "");
    parts.push(feedback);
    if (answered) {
      const nextButton = button(index + 1 < questions.length ? "Next question" : "See your score", next, "primary");
      parts.push(h("div", { class: "form-actions" }, nextButton));
      focusTarget = nextButton;
    }
    return { parts, focusTarget };
  }

  function resultView() {
    const score = figure("Score", "quiz-score");
    score.set(scoreText(format, correct, questions.length));
    const stars = format === "stars" ? h("p", { class: "quiz-stars", "aria-hidden": "true" }, "★".repeat(correct) + "☆".repeat(questions.length - correct)) : null;
    const again = button("Play again", start, "primary");
    return {
      parts: [h("div", { class: "quiz-result" }, h("p", { class: "quiz-done" }, "Quiz complete!"), score.element, stars, h("p", {}, "You got " + correct + " of " + questions.length + " right."), h("div", { class: "form-actions" }, again))],
      focusTarget: again,
    };
  }

  function emptyView() {
    if (source.kind === "times-table") return [h("p", { class: "muted" }, "Pick a times table to start.")];
    if (source.kind === "dataset" && !datasets[source.dataset]) return [h("p", { class: "notice" }, "This quiz's questions are not available in this app.")];
    const page = source.kind === "entity" ? pageWithRecords(app.spec, source.entity) : null;
    return [h("p", { class: "muted" }, "No questions yet."), page ? h("a", { class: "btn", href: app.href(page.path) }, "Write questions on the " + page.title + " page") : null];
  }

  function show() {
    const hadFocus = root.contains(document.activeElement);
    const view = questions.length === 0 ? { parts: emptyView(), focusTarget: null } : finished ? resultView() : askView();
    root.replaceChildren(...[picker(), ...view.parts].filter(Boolean));
    // Keep the keyboard where the user is (type, Enter, Enter…), without stealing focus on load.
    if (hadFocus && view.focusTarget) view.focusTarget.focus();
  }

  start();

  // Questions the user writes elsewhere appear here as long as no round is under way.
  if (source.kind === "entity" && app.store && typeof app.store.subscribe === "function") {
    return app.store.subscribe(() => {
      if (questions.length === 0 || (index === 0 && given === null) || finished) start();
    });
  }
  return undefined;
}
