// Asking for the app's data to be shared between devices or people, by the words people use for
// it ("syncs between me and my partner's phones", "shared with the family", "everyone sees the
// same list", "in real time across devices"). Such an ask turns the app's sharing on
// (compose/sharing.ts): its records live on the app's server and changes show everywhere at once.

/** Who or what a list is shared with or synced between ("…between my laptop and my phone"). */
export const sharedWith = "phone|phones|device|devices|partner|partners|wife|husband|family|team|teammates|roommates|roommate|flatmates|flatmate|housemates|housemate|friends|friend|computer|computers|laptop|laptops|tablet|tablets|everyone|everybody|household";

export const sharingAsk = {
  /** The requirement's text. */
  text: "Shared between devices: a change made on one shows on the others at once",
  /** Trigger patterns (understand/match-pattern.ts). */
  patterns: [
    `sync|syncs|synced|syncing|synchronise|synchronises|synchronised|synchronize|synchronizes|synchronized … between|across|with|on … ${sharedWith}`,
    `share|shares|shared|sharing … between|with|across … ${sharedWith}`,
    `real time|realtime|real-time|live|instantly … between|across|on … ${sharedWith}`,
    "everyone|everybody … see|sees the same",
    `same list|lists|data|board on|across|between … ${sharedWith}`,
  ],
};
