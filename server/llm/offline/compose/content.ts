// Content apps and boards: quizzes (a bundled data set, a times-table generator), flashcards,
// kanban boards with the columns the prompt names, and message walls.
import { boardPatterns, feedOrderPatterns, feedPatterns, flashcardPatterns, ownCardsPatterns, quizPatterns, spacedPatterns } from "../catalog/app-shapes";
import { continents, datasetQualifierPatterns, datasets, regionsWithoutData } from "../catalog/content";
import { readList, optionText } from "../understand/lists";
import { findAny, findPattern } from "../understand/match-pattern";
import { quoteOf, sentenceOf } from "../understand/reading";
import { addSection, claim, isClaimed, pageFor, requirement, tag, type Draft } from "./draft";
import { addField, capitalizeOptions, conceptField, ensureEntity } from "./records";

export function composeQuiz(draft: Draft): boolean {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, quizPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return false;
  const times = findPattern(tokens, "times|multiplication table|tables")[0];
  const ids: string[] = [];
  const section: Record<string, unknown> = { type: "quiz", title: "Quiz", score: "fraction" };
  if (times) {
    ids.push(requirement(draft, "interaction", "A times-table quiz: type the answer to each question", Math.min(times.from, hit.from), Math.max(times.to, hit.to)));
    const range = findPattern(tokens, "# to|- #")[0];
    const tables = range ? rangeOf(Number(tokens[range.from]!.text), Number(tokens[range.to - 1]!.text)) : rangeOf(2, 12);
    if (range) ids.push(requirement(draft, "content", `Tables ${tables[0]} to ${tables.at(-1)}`, range.from, range.to));
    const count = findPattern(tokens, "# question|questions")[0];
    const questions = count ? Number(tokens[count.from]!.text) : 10;
    if (count) ids.push(requirement(draft, "content", `${questions} questions per quiz`, count.from, count.to));
    const pick = findPattern(tokens, "pick|choose|select which? table|tables")[0];
    if (pick) ids.push(requirement(draft, "interaction", "Pick which table to practise", pick.from, pick.to));
    section.source = { kind: "times-table", tables, pickTable: !!pick || true, questions: Math.min(50, Math.max(1, questions)) };
    section.title = "Times tables";
    draft.appName ??= { name: "Times Table Quiz", requirementIds: [ids[0]!] };
  } else {
    const dataset = datasets.map((d) => ({ d, m: findAny(tokens, d.patterns) })).find((x) => x.m);
    ids.push(requirement(draft, "interaction", "A quiz: one question at a time, answering moves to the next", hit.from, hit.to));
    if (dataset?.m) {
      const subject = subjectSpan(draft, dataset.m);
      ids.push(requirement(draft, "content", dataset.d.text, subject.from, subject.to));
      const region = subject.region;
      if (region) requirement(draft, "content", `Questions on ${quoteOf(draft.reading, region.from, region.to)} only`, region.from, region.to, { reason: `The bundled country data groups countries by continent only (Europe, ${continents.map((c) => c.name).join(", ")}); it has no list for ${quoteOf(draft.reading, region.from, region.to)}, so the quiz asks about ${dataset.d.title.toLowerCase()}.` });
      section.source = { kind: "dataset", dataset: dataset.d.id, count: 10 };
      section.title = `${dataset.d.title} quiz`;
      draft.appName ??= { name: dataset.d.appName, requirementIds: [ids[0]!] };
    } else {
      // No bundled subject: the user writes the questions.
      const entity = ensureEntity(draft, "Question", "Questions", ids[0]!);
      addField(entity, { name: "question", label: "Question", type: "string", required: true }, ids[0]!);
      addField(entity, { name: "answer", label: "Answer", type: "string", required: true }, ids[0]!);
      // "I write the questions myself" restates this: the questions page is its check.
      const own = findAny(tokens, ownCardsPatterns);
      const ownId = own && !isClaimed(draft, own.from, own.to) ? requirement(draft, "entity", "You write the quiz's own questions and answers", own.from, own.to) : undefined;
      addSection(draft, pageFor(draft, "/questions", "Questions", "Write the quiz's questions"), { type: "records", title: "Questions", entity: "Question", requirementIds: [ids[0]!, ...(ownId ? [ownId] : [])] });
      section.source = { kind: "entity", entity: "Question", promptField: "question", answerField: "answer" };
    }
  }
  if (ask(draft, ["star|stars for? right|correct? answers?", "star|stars"], ids, "computed", "Shows a star for each right answer")) section.score = "stars";
  else ask(draft, ["score|scores … end", "score|scores|result|results", "final score", "how many … right|correct"], ids, "computed", "Shows the score at the end");
  section.requirementIds = ids;
  addSection(draft, pageFor(draft, "/", String(section.title), "Take the quiz"), section as never);
  draft.kind = "content";
  return true;
}

/**
 * The words naming a data set's subject: the match, plus what only restates it after ("capitals
 * of european countries", "european capital cities", "capitals of the world"). A region the data
 * has no list for ("capitals of Caribbean countries") is returned apart, to be reported.
 */
function subjectSpan(draft: Draft, match: { from: number; to: number }): { from: number; to: number; region?: { from: number; to: number } } {
  const { tokens } = draft.reading;
  let to = match.to;
  for (let more = findAny(tokens, datasetQualifierPatterns, to, Math.min(tokens.length, to + 3)); more && more.from === to && !isClaimed(draft, more.from, more.to); more = findAny(tokens, datasetQualifierPatterns, to, Math.min(tokens.length, to + 3))) to = more.to;
  const sentence = sentenceOf(draft.reading, match.from);
  const region = findAny(tokens, regionsWithoutData, sentence.from, sentence.to);
  if (!region || isClaimed(draft, region.from, region.to)) return { from: match.from, to };
  // "capitals of Caribbean countries": the region sits inside the subject; it is reported on its own.
  if (region.from >= match.from && region.to <= to) return { from: match.from, to: region.from, region: { from: region.from, to } };
  return { from: match.from, to, region };
}

const rangeOf = (a: number, b: number): number[] => {
  const lo = Math.max(1, Math.min(a, b, 20));
  const hi = Math.min(20, Math.max(a, b));
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
};

function ask(draft: Draft, patterns: string[], ids: string[], kind: Parameters<typeof requirement>[1], text: string): boolean {
  const hit = findAny(draft.reading.tokens, patterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return false;
  ids.push(requirement(draft, kind, text, hit.from, hit.to));
  return true;
}

export function composeFlashcards(draft: Draft): boolean {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, flashcardPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return false;
  const id = requirement(draft, "entity", "Keep a deck of cards", hit.from, hit.to);
  const entity = ensureEntity(draft, "Card", "Cards", id);
  // "the Spanish word and the English meaning": capitalised qualifier + noun, front then back.
  const sides: { label: string; from: number; to: number }[] = [];
  for (let i = 0; i + 1 < tokens.length && sides.length < 2; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (t.isWord && /^[A-Z]/.test(t.text) && i > 0 && !/^[.!?]$/.test(tokens[i - 1]!.text) && next.isWord && next.tags.has("Noun") && !["vocabulary", "flashcards", "cards"].includes(next.word)) {
      sides.push({ label: `${t.text} ${next.word}`, from: i, to: i + 2 });
    }
  }
  const front = sides[0] ?? { label: "Front", from: hit.from, to: hit.to };
  const back = sides[1] ?? { label: "Back", from: hit.from, to: hit.to };
  const frontId = sides[0] ? requirement(draft, "field", `Each card has the ${front.label}`, front.from, front.to) : id;
  const backId = sides[1] ? requirement(draft, "field", `Each card has the ${back.label}`, back.from, back.to) : id;
  const frontField = addField(entity, { name: "front", label: front.label[0]!.toUpperCase() + front.label.slice(1), type: "string", required: true }, frontId);
  const backField = addField(entity, { name: "back", label: back.label[0]!.toUpperCase() + back.label.slice(1), type: "string", required: true }, backId);
  const subject = findPattern(tokens, "learning|learn|practise|practice|study|revise|revising … vocabulary|words|language")[0];
  const ids = [id];
  if (subject) ids.push(requirement(draft, "content", `Cards for ${draft.reading.prompt.slice(tokens[subject.from + 1]!.start, tokens[subject.to - 1]!.end)}`, subject.from, subject.to));
  ask(draft, ownCardsPatterns, ids, "interaction", "You write your own cards: each added card, front and back, is studied in turn");
  ask(draft, ["flip|flipping|flips|turn|turning card|cards?", "practice|practise by? flipping|flip|turning the? card|cards", "practice|practise by? flipping?"], ids, "interaction", "Practise by flipping cards");
  const spaced = ask(draft, spacedPatterns, ids, "computed", "Cards you get wrong come back more often");
  addSection(draft, pageFor(draft, "/", "Practice", "Practise the cards"), { type: "flashcards", title: "Practice", entity: "Card", frontField: String(frontField.name), backField: String(backField.name), spaced, requirementIds: ids });
  addSection(draft, pageFor(draft, "/cards", "Cards", "Add and edit cards"), { type: "records", title: "Cards", entity: "Card", requirementIds: [id, frontId, backId] });
  const language = sides[0]?.label.split(" ")[0];
  draft.appName ??= { name: language ? `${language} Flashcards` : "Flashcards", requirementIds: [id] };
  draft.kind = "content";
  return true;
}

export function composeBoard(draft: Draft): boolean {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, boardPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return false;
  const boardId = requirement(draft, "view", "A board with columns side by side and cards in them", hit.from, hit.to);
  // "columns Backlog, Doing, Review, Done" or "with To Do, In Progress, Done".
  let columns: string[] = [];
  let span: { from: number; to: number } | undefined;
  const start = tokens.findIndex((t, i) => i >= hit.from && (["column", "columns", "with", ":"].includes(t.word) || t.lemma === "column") && /^[A-Z]/.test(tokens[i + 1]?.text ?? ""));
  if (start >= 0) {
    const { items, end } = readList(tokens, start + 1, 30);
    columns = capitalizeOptions(items.map((s) => optionText(tokens, s)).filter((o) => o && o.split(" ").length <= 3));
    span = { from: start, to: end };
  }
  const entity = ensureEntity(draft, "Card", "Cards", boardId);
  if (!entity.fields.length) addField(entity, { name: "title", label: "Title", type: "string", required: true }, boardId);
  // "a kanban board with columns and cards": the words restate the board. They are its
  // requirements, checked by its checks, not a list of cards beside it or words not understood.
  const restated = (pattern: string) => findPattern(tokens, pattern).find((m) => !isClaimed(draft, m.from, m.to));
  const columnsWord = restated("column|columns|lane|lanes");
  let contentId = columns.length >= 2 && span ? requirement(draft, "content", `The columns are ${columns.join(", ")}`, span.from, span.to) : boardId;
  if (columns.length < 2) {
    columns = ["To do", "Doing", "Done"];
    if (columnsWord) contentId = requirement(draft, "content", `The columns are ${columns.join(", ")}`, columnsWord.from, columnsWord.to);
  }
  addField(entity, { name: "status", label: "Column", type: "enum", options: columns, defaultValue: columns[0] }, contentId);
  const ids = [boardId, contentId];
  const drag = findAny(tokens, ["drag|move|drop … card|cards|task|tasks|item|items between|across|to|into the? column|columns|lane|lanes", "drag|move|drop … card|cards|task|tasks|item|items", "drag|drag and drop"]);
  if (drag) ids.push(requirement(draft, "interaction", "Drag cards between columns", drag.from, drag.to));
  const cardsWord = restated("card|cards");
  if (cardsWord) {
    const cardsId = requirement(draft, "entity", "Cards are added to the board and kept", cardsWord.from, cardsWord.to);
    tag(entity, cardsId);
    ids.push(cardsId);
  }
  addSection(draft, pageFor(draft, "/", "Board", "The board"), { type: "board", title: "Board", entity: "Card", columnField: "status", drag: true, requirementIds: ids });
  draft.kind = "kanban";
  draft.appName ??= { name: "Kanban Board", requirementIds: [boardId] };
  return true;
}

export function composeFeed(draft: Draft, destination?: { from: number; to: number }): boolean {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, feedPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return false;
  const id = requirement(draft, "entity", "Visitors leave messages that stay on the page", hit.from, hit.to);
  const entity = ensureEntity(draft, "Message", "Messages", id);
  for (const [pattern, fieldName, text] of [["their? name|names", "name", "Each message shows who wrote it"], ["a? message|messages|note|notes|comment|comments", "message", "Each message has its text"]] as const) {
    const match = findPattern(tokens, pattern).find((m) => !isClaimed(draft, m.from, m.to));
    const fieldId = match ? requirement(draft, "field", text, match.from, match.to) : id;
    addField(entity, conceptField(fieldName)!, fieldId);
  }
  entity.fields[0]!.required = true;
  const newest = findAny(tokens, feedOrderPatterns.newest);
  const oldest = findAny(tokens, feedOrderPatterns.oldest);
  // The longer phrase wins where both read ("first" alone is no order).
  const order = oldest && (!newest || oldest.to - oldest.from > newest.to - newest.from) ? { ...oldest, oldest: true } : newest ? { ...newest, oldest: false } : undefined;
  const ids = [id];
  if (order) ids.push(requirement(draft, "view", order.oldest ? "Oldest messages first" : "Newest messages first", order.from, order.to));
  // "for my website": the wall is a page of its own, for the site to link to.
  if (destination) ids.push(requirement(draft, "page", "The message wall is a page of its own, to link to from the website", destination.from, destination.to));
  claim(draft, hit.from, hit.to);
  // "where visitors leave …" restates the same ask: it is part of the feed's requirement.
  for (const pattern of feedPatterns) for (const more of findPattern(tokens, pattern)) if (!isClaimed(draft, more.from, more.to)) ids.push(requirement(draft, "interaction", "Visitors post to the wall", more.from, more.to));
  addSection(draft, pageFor(draft, "/", "Guestbook", "Leave a message"), { type: "feed", title: "Messages", entity: "Message", order: order?.oldest ? "oldest" : "newest", requirementIds: ids });
  tag(entity, ...ids);
  draft.appName ??= { name: tokens.slice(hit.from, hit.to).some((t) => t.word.startsWith("guest")) ? "Guestbook" : "Message Wall", requirementIds: [id] };
  draft.kind = "crud";
  return true;
}
