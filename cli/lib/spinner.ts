// A one-line spinner on stderr, only when stderr is a terminal: it redraws itself in place, and
// Output clears it before every other line so the two never interleave.
import type { Output } from "./output";

const frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export type Spinner = { stop(): void };

/** `text` is read at every frame, so it can carry a running clock. */
export function startSpinner(output: Output, text: () => string): Spinner {
  const stream = output.stderr;
  if (output.isJson || !stream.isTTY || process.env.CI) return { stop: () => {} };
  let frame = 0;
  let isShown = false;
  const clear = () => {
    if (isShown) stream.write("\r\u001b[2K");
    isShown = false;
  };
  const draw = () => {
    const width = (stream.columns ?? 80) - 3;
    stream.write(`\r\u001b[2K${output.errPaint.cyan(frames[frame++ % frames.length]!)} ${text().slice(0, Math.max(10, width))}`);
    isShown = true;
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  output.beforeWrite = clear;
  draw();
  return {
    stop: () => {
      clearInterval(timer);
      clear();
      if (output.beforeWrite === clear) output.beforeWrite = null;
    },
  };
}
