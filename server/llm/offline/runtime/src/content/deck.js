// Which flashcard comes next. Each answer is a step; each card is due at some step, and the card
// shown is the one due soonest (ties: the card with the lower box — the one you know less — then
// the deck's order). New cards are due at their place in the deck.
//
// Without spacing, every answered card goes to the back of the deck: a plain cycle.
// With spacing (a Leitner-style schedule): a card you missed drops to box 0 and is due two steps
// later — after at most one other card; a card you knew moves up a box and waits 4, 8, 16, 32, 64
// steps. So missed cards come back far more often than known ones, deterministically.

/** @typedef {{ box: number, due: number, known: number, missed: number }} CardProgress */
/** @typedef {{ step: number, cards: Record<string, CardProgress> }} DeckProgress */

const MAX_BOX = 5;

/** @returns {DeckProgress} */
export function emptyProgress() {
  return { step: 0, cards: {} };
}

/** @param {DeckProgress} progress @param {string} id @param {number} position */
function progressOf(progress, id, position) {
  return progress.cards[id] || { box: 0, due: position, known: 0, missed: 0 };
}

/**
 * The id of the card to show next, or null for an empty deck.
 * @param {string[]} ids the deck, in order
 * @param {DeckProgress} progress
 */
export function nextCardId(ids, progress) {
  let best = null;
  let bestKey = null;
  ids.forEach((id, position) => {
    const card = progressOf(progress, id, position);
    const key = [card.due, card.box, position];
    if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
      best = id;
      bestKey = key;
    }
  });
  return best;
}

/**
 * The progress after answering card `id` (knew it or not); a new object, `progress` is unchanged.
 * @param {DeckProgress} progress
 * @param {string[]} ids the deck, in order
 * @param {string} id
 * @param {boolean} knew
 * @param {boolean} spaced
 * @returns {DeckProgress}
 */
export function recordAnswer(progress, ids, id, knew, spaced) {
  const step = progress.step;
  const card = progressOf(progress, id, Math.max(0, ids.indexOf(id)));
  const box = knew ? Math.min(MAX_BOX, card.box + 1) : 0;
  const wait = spaced ? (knew ? 2 ** (box + 1) : 2) : Math.max(1, ids.length);
  /** @type {Record<string, CardProgress>} */
  const cards = {};
  // Drop the progress of cards that were deleted, so the saved schedule does not grow forever.
  for (const other of ids) if (progress.cards[other]) cards[other] = progress.cards[other];
  cards[id] = { box, due: step + wait, known: card.known + (knew ? 1 : 0), missed: card.missed + (knew ? 0 : 1) };
  return { step: step + 1, cards };
}
