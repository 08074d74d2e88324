// Starting Chromium at a known path, for every caller that launches one: QA (launch-browser.ts),
// and the start-up and test scripts that check the browser they found really starts — a file
// can exist and still not run (Ubuntu's snap stub, missing shared libraries).
import { chromium, type Browser } from "playwright-core";
import { chromiumArgs } from "./find-browser";

const LAUNCH_TIMEOUT_MS = 60_000;

export function launchChromiumAt(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs, timeout: LAUNCH_TIMEOUT_MS });
}

export function firstErrorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((line) => line.trim() !== "")?.trim().slice(0, 300) ?? "unknown error";
}

/** Launches and closes the browser; the first line of the error when it does not start, else null. */
export async function tryLaunchAt(executablePath: string): Promise<string | null> {
  try {
    await (await launchChromiumAt(executablePath)).close();
    return null;
  } catch (error) {
    return firstErrorLine(error);
  }
}
