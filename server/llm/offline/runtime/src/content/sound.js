// A chime made with Web Audio (no sound files, nothing fetched). Browsers only let a page make
// sound after the user has interacted with it, so `unlockSound()` is called from a click (Start);
// `playChime()` says whether the chime really started, so the page can say so honestly.

/** @type {AudioContext | null} */
let context = null;

function audioContextClass() {
  return globalThis.AudioContext || /** @type {any} */ (globalThis).webkitAudioContext || null;
}

/** Call from a user gesture: creates (or wakes) the audio context. */
export function unlockSound() {
  const AudioContextClass = audioContextClass();
  if (!AudioContextClass) return false;
  try {
    if (!context) context = new AudioContextClass();
    if (context.state === "suspended") context.resume().catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}

/** Two short tones. True when the browser is playing them; false when it has no audio or blocks it. */
export function playChime() {
  if (!context) unlockSound();
  if (!context || context.state !== "running") return false;
  try {
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.3, 1174.66]]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.3);
    }
    return true;
  } catch {
    return false;
  }
}
