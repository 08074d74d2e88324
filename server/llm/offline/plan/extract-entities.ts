// Finds the entities a prompt talks about and the fields it lists for them. Works on any noun:
// catalog nouns get rich defaults, other nouns get sensible generic fields.
import type { TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import { catalogEntityByName, catalogEntityForNoun, domainCatalog, type CatalogEntity } from "./entity-catalog";
import { fieldFromPhrase, lookupField } from "./field-catalog";
import { isLikelyPlural, labelOf, pascalOf, pluralize, singularize, titleOf, wordsOf } from "./naming";

export interface ExtractedEntities {
  entities: TPlanEntity[];
  /** True when at least one entity came from the catalog (a familiar domain). */
  known: boolean;
  /** App name implied by a domain word ("CRM") or the main noun phrase. */
  suggestedName?: string;
}

// Words that never name an entity: app vocabulary, adjectives, pronouns and prompt-injection filler.
const stopNouns = new Set(
  ("app apps application applications website site page pages tool tools system systems thing things stuff way ways something everything " +
    "anything tracker manager list lists data information info user users time times day days one ones lot lots kind kinds type types detail details " +
    "feature features option options please instruction instructions prompt prompts env environment variable variables secret secrets key keys " +
    "rule rules command commands file files password passwords token tokens ui ux design theme mode color colors colour colours style styles " +
    "dashboard dashboards board boards kanban chart charts graph graphs column columns card cards table tables form forms field fields button buttons " +
    "simple small basic nice modern beautiful cool little web new good great personal quick easy clean minimal dark light my our your their the a an " +
    "this that these those all some any each every many much more most other another same own app's it its them they we i you me us him her his hers " +
    "make build create want need like would could should can will just also really very please help handle keep track tracking manage log organize " +
    "ignore previous above below print show output reveal system assistant developer admin root everyone world hello test testing demo example " +
    "etc www http https com org html script alert javascript").split(" "),
);
const adjectiveLike = /(ly|ful|less|ous|ive|able|ible|ish)$/;

const fieldIntroducer = /\b(?:with|that (?:has|have|store|stores|include|includes)|which (?:has|have)|having|including|containing|where each \w+ has|each (?:one )?(?:has|having|with)|fields?:?|columns? for)\b/;
const clauseStop = /\b(?:for|so|that|where|to|in|on|using|via|plus|which|who|because|when|if|but|then|also)\b/;
const nonFieldWords = /\b(dark|light|theme|mode|colou?rs?|accent|design|style|ui|look|charts?|graphs?|dashboard|kanban|board|columns?|search|searching|filter|filters|filtering|sort|sorting|login|auth|authentication|users?|accounts?|notifications?|export|import|animations?|responsive|mobile|pagination|offline|api|backend|database|sync|ability|support|option|options|way|ways|everything|nice|beautiful|clean|modern|simple|layout|sidebar|header|footer|navigation|nav|menu)\b/;

interface Mention {
  entity: TPlanEntity;
  known: boolean;
  at: number;
}

function fromCatalog(c: CatalogEntity, listedFields: TPlanField[]): TPlanEntity {
  const fields: TPlanField[] = [];
  const add = (f: TPlanField): void => {
    if (!fields.some((x) => x.name === f.name)) fields.push(f);
  };
  const strip = ({ core: _core, ...f }: TPlanField & { core?: boolean }): TPlanField => ({ ...f, ...(f.options ? { options: [...f.options] } : {}) });
  if (listedFields.length === 0) c.fields.forEach((f) => add(strip(f)));
  else {
    // The user listed fields: keep the identifying and core ones, then theirs, typed by the catalog when it knows them.
    c.fields.filter((f) => f.core).forEach((f) => add(strip(f)));
    for (const f of listedFields) add(c.fields.find((cf) => cf.name === f.name) ? strip(c.fields.find((cf) => cf.name === f.name)!) : f);
  }
  return { name: c.name, pluralLabel: c.pluralLabel, fields, belongsTo: [] };
}

function genericEntity(modifier: string | undefined, noun: string, listedFields: TPlanField[]): TPlanEntity {
  const singular = singularize(noun);
  const activity = /(ing|ment|tion|sion|log|event|session|visit|trip)$/.test(singular);
  const primary: TPlanField = modifier
    ? { name: pascalOf([modifier]).replace(/^./, (c) => c.toLowerCase()), label: labelOf([modifier]), type: "string", required: true }
    : activity
      ? { name: "title", label: "Title", type: "string", required: true }
      : { name: "name", label: "Name", type: "string", required: true };
  const defaults: TPlanField[] = [
    { name: "date", label: "Date", type: "date", required: false },
    { name: "notes", label: "Notes", type: "text", required: false },
  ];
  const fields = [primary, ...(listedFields.length ? listedFields : defaults)];
  return {
    name: pascalOf([singular]),
    pluralLabel: labelOf(modifier ? [modifier, pluralize(singular)] : [pluralize(singular)]),
    fields,
    belongsTo: [],
  };
}

const isNounCandidate = (w: string): boolean =>
  w.length > 2 && !stopNouns.has(w) && !stopNouns.has(singularize(w)) && !/^[0-9]/.test(w) && !adjectiveLike.test(w) && !(w.length > 5 && /[^e]ed$/.test(w));

/** Field phrases of a clause like "due dates, priority and a contact". */
export function splitFieldPhrases(clause: string): string[] {
  const stop = clauseStop.exec(clause);
  const body = stop ? clause.slice(0, stop.index) : clause;
  return body
    .split(/,|\band\b|\bor\b|&|\+|\//)
    .map((p) => wordsOf(p).filter((w) => !["a", "an", "the", "their", "its", "his", "her", "my", "our", "some", "optional", "fields", "field", "column", "columns", "property", "properties"].includes(w)).join(" "))
    .filter((p) => p.length > 0 && wordsOf(p).length <= 4 && !nonFieldWords.test(p));
}

/** Noun mentions in the part of a sentence before any field clause. */
function mentionsIn(head: string, offset: number, listedFields: TPlanField[]): Mention[] {
  const words = wordsOf(head.replace(/\bin order to\b/g, " "));
  const mentions: Mention[] = [];
  words.forEach((w, i) => {
    const c = catalogEntityForNoun(singularize(w));
    if (c) mentions.push({ entity: fromCatalog(c, []), known: true, at: offset + i });
  });
  if (mentions.length) {
    if (listedFields.length) {
      const last = mentions[mentions.length - 1]!;
      last.entity = fromCatalog(catalogEntityByName(last.entity.name)!, listedFields);
    }
    return mentions;
  }
  // No familiar noun: look for "track my X", "X tracker", "list of X", then any plural noun.
  const trigger = /\b(?:track|tracking|manage|managing|log|logging|organi[sz]e|catalog(?:ue)?|collect|collecting|record|recording|monitor|rate|review|keep|store|save|plan|list of|collection of|database of|catalog of|directory of|inventory of|for|of)\s+((?:[a-z0-9]+\s*){1,4})/g;
  const candidates: string[][] = [];
  for (const m of head.matchAll(trigger)) {
    const phrase = wordsOf(m[1]!).filter((w) => !["my", "our", "the", "your", "all", "a", "an", "of", "their", "track", "some"].includes(w));
    const cut = phrase.findIndex((w) => ["and", "or", "with", "by", "that", "in", "on", "to", "from", "at", "using", "app", "tracker", "list", "log", "manager"].includes(w));
    const np = (cut === -1 ? phrase : phrase.slice(0, cut)).slice(-3);
    if (np.length) candidates.push(np);
  }
  const suffix = /((?:[a-z0-9]+\s+){1,3})(?:tracker|app|manager|list|log|organi[sz]er|catalog|database|planner|collection|directory|keeper|book)\b/g;
  for (const m of head.matchAll(suffix)) candidates.push(wordsOf(m[1]!).slice(-2));
  const plural = words.filter((w) => isLikelyPlural(w) && isNounCandidate(w));
  for (const p of plural) candidates.push([p]);
  for (const np of candidates) {
    // The head noun is the last word that can be a noun ("vinyl records organized" → records).
    let nounIndex = np.length - 1;
    while (nounIndex > 0 && !isNounCandidate(np[nounIndex]!)) nounIndex--;
    // "bird watching" names birds; "bird sightings" names sightings.
    if (np[nounIndex]!.endsWith("ing") && !isLikelyPlural(np[nounIndex]!) && nounIndex > 0) nounIndex--;
    const noun = np[nounIndex]!;
    if (!isNounCandidate(noun)) continue;
    const modifierWord = nounIndex > 0 ? np[nounIndex - 1] : undefined;
    const modifier = modifierWord && isNounCandidate(modifierWord) ? modifierWord : undefined;
    const known = catalogEntityForNoun(singularize(noun));
    mentions.push(known ? { entity: fromCatalog(known, listedFields), known: true, at: offset } : { entity: genericEntity(modifier, noun, listedFields), known: false, at: offset });
    break;
  }
  return mentions;
}

export function extractEntities(text: string): ExtractedEntities {
  const mentions: Mention[] = [];
  let suggestedName: string | undefined;
  let offset = 0;
  for (const d of domainCatalog) {
    if (!d.pattern.test(text)) continue;
    suggestedName ??= d.appName;
    for (const name of d.entities) mentions.push({ entity: fromCatalog(catalogEntityByName(name)!, []), known: true, at: -1 });
  }
  const pendingRelations: Array<{ child: string; parentNoun: string }> = [];
  for (const sentence of text.split(/[.!?;\n]+/)) {
    const intro = fieldIntroducer.exec(sentence);
    const head = intro ? sentence.slice(0, intro.index) : sentence;
    const rawClause = intro ? sentence.slice(intro.index + intro[0].length) : "";
    // "with columns backlog, doing and done" names board columns, not fields.
    const clause = /^\s*(?:columns?|stages?|lanes?|statuses)\b/.test(rawClause) ? "" : rawClause;
    const byField = /\bby ([a-z]+(?: [a-z]+)?)/.exec(head);
    const phrases = [...splitFieldPhrases(clause), ...(byField && lookupField(byField[1]!) ? [byField[1]!] : [])];
    const fieldPhrases: string[] = [];
    const relationNouns: string[] = [];
    for (const p of phrases) {
      const w = wordsOf(p);
      const c = w.length <= 2 ? catalogEntityForNoun(singularize(w[w.length - 1]!)) : undefined;
      if (c && !lookupField(p)) relationNouns.push(c.name);
      else fieldPhrases.push(p);
    }
    const listed = fieldPhrases.map(fieldFromPhrase).filter((f): f is TPlanField => f !== undefined);
    const found = mentionsIn(head.replace(/\bby [a-z]+(?: [a-z]+)?/, " "), offset, listed);
    mentions.push(...found);
    const last = found[found.length - 1];
    if (last) for (const parentNoun of relationNouns) pendingRelations.push({ child: last.entity.name, parentNoun });
    offset += 1000;
  }
  // Merge repeated mentions: fields listed later extend the first mention.
  const merged: Mention[] = [];
  for (const m of mentions) {
    const existing = merged.find((x) => x.entity.name === m.entity.name);
    if (!existing) merged.push(m);
    else if (m.at >= 0) {
      const extra = m.entity.fields.filter((f) => !existing.entity.fields.some((x) => x.name === f.name));
      const catalog = catalogEntityByName(m.entity.name);
      // A later, explicit field list replaces the catalog's optional defaults.
      if (catalog && m.entity.fields.length !== catalog.fields.length) existing.entity = m.entity;
      else existing.entity = { ...existing.entity, fields: [...existing.entity.fields, ...extra] };
    }
  }
  const entities = merged.slice(0, 6).map((m) => m.entity);
  for (const r of pendingRelations) {
    const child = entities.find((e) => e.name === r.child);
    if (!child || r.parentNoun === child.name) continue;
    if (!entities.some((e) => e.name === r.parentNoun) && entities.length < 6) {
      entities.push(fromCatalog(catalogEntityByName(r.parentNoun)!, []));
    }
    if (!child.belongsTo.includes(r.parentNoun)) child.belongsTo.push(r.parentNoun);
  }
  for (const e of entities) {
    for (const parent of catalogEntityByName(e.name)?.parents ?? []) {
      if (entities.some((x) => x.name === parent) && !e.belongsTo.includes(parent)) e.belongsTo.push(parent);
    }
  }
  // Explicit relations: "deals belong to contacts", "each project has tasks".
  for (const m of text.matchAll(/\b([a-z]+) belongs? to (?:a |an |the |one )?([a-z]+)|\beach ([a-z]+) (?:has|have) (?:many |multiple |several |some )?([a-z]+)/g)) {
    const childNoun = m[1] ?? m[4];
    const parentNoun = m[2] ?? m[3];
    const child = entities.find((e) => e.name === pascalOf([singularize(childNoun!)]) || e.name === catalogEntityForNoun(singularize(childNoun!))?.name);
    const parent = entities.find((e) => e.name === pascalOf([singularize(parentNoun!)]) || e.name === catalogEntityForNoun(singularize(parentNoun!))?.name);
    if (child && parent && child !== parent && !child.belongsTo.includes(parent.name) && !parent.belongsTo.includes(child.name)) child.belongsTo.push(parent.name);
  }
  const main = entities[0];
  if (!suggestedName && main) suggestedName = titleOf(wordsOf(main.pluralLabel));
  return { entities, known: merged.some((m) => m.known), ...(suggestedName ? { suggestedName } : {}) };
}
