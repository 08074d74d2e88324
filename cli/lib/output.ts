// What the CLI writes. Human text on stdout, diagnostics on stderr; with --json, stdout carries
// JSON only (one document, or one object per line for streams) and errors go to stderr as JSON.
// Colour only when the stream is a terminal and NO_COLOR is unset (https://no-color.org).
import type { Writable } from "node:stream";
import type { CliError } from "./cli-error";

type Stream = Writable & { isTTY?: boolean; columns?: number };

export function isColorEnabled(stream: Stream, env: Record<string, string | undefined> = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return !!stream.isTTY && env.TERM !== "dumb";
}

const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], cyan: [36, 39], gray: [90, 39] } as const;
export type Style = keyof typeof codes;
export type Paint = Record<Style, (text: string) => string>;

export function createPaint(isEnabled: boolean): Paint {
  return Object.fromEntries(
    Object.entries(codes).map(([name, [open, close]]) => [name, (text: string) => (isEnabled ? `\u001b[${open}m${text}\u001b[${close}m` : text)]),
  ) as Paint;
}

export class Output {
  readonly paint: Paint;
  readonly errPaint: Paint;
  /** Called before anything is written, e.g. to clear a spinner's line. */
  beforeWrite: (() => void) | null = null;

  constructor(
    readonly isJson: boolean,
    readonly stdout: Stream = process.stdout,
    readonly stderr: Stream = process.stderr,
  ) {
    this.paint = createPaint(!isJson && isColorEnabled(stdout));
    this.errPaint = createPaint(!isJson && isColorEnabled(stderr));
  }

  /** A line of human output (ignored in --json mode, where only `json()` writes to stdout). */
  line(text = ""): void {
    if (this.isJson) return;
    this.beforeWrite?.();
    this.stdout.write(`${text}\n`);
  }

  /** A note for people (progress, hints) on stderr; silent in --json mode. */
  note(text: string): void {
    if (this.isJson) return;
    this.beforeWrite?.();
    this.stderr.write(`${text}\n`);
  }

  /** One JSON document (or one line of a JSON-lines stream). */
  json(value: unknown): void {
    if (!this.isJson) return;
    this.stdout.write(`${JSON.stringify(value)}\n`);
  }

  /** The human text or the JSON value, whichever the mode asks for. */
  result(value: unknown, human: () => void): void {
    if (this.isJson) this.json(value);
    else human();
  }

  error(error: CliError): void {
    this.beforeWrite?.();
    if (this.isJson) {
      const { code, requestId, retryAfterSeconds, fieldIssues, hint } = error.details;
      this.stderr.write(`${JSON.stringify({ error: { message: error.message, code: code ?? "ERROR", exitCode: error.exitCode, requestId, retryAfterSeconds, fieldIssues, hint } })}\n`);
      return;
    }
    const paint = this.errPaint;
    this.stderr.write(`${paint.red("Error:")} ${error.message}\n`);
    if (error.details.retryAfterSeconds !== undefined) this.stderr.write(`Try again in ${error.details.retryAfterSeconds}s.\n`);
    if (error.details.hint) this.stderr.write(`${paint.dim(error.details.hint)}\n`);
    if (error.details.requestId && error.exitCode === 1) this.stderr.write(`${paint.dim(`Request id: ${error.details.requestId}`)}\n`);
  }

  /** Rows as aligned columns (the last column is not padded). */
  table(rows: string[][]): void {
    if (this.isJson || rows.length === 0) return;
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => visibleLength(row[column] ?? ""))));
    for (const row of rows) {
      this.line(row.map((cell, column) => (column === row.length - 1 ? cell : cell + " ".repeat(widths[column]! - visibleLength(cell)))).join("  ").trimEnd());
    }
  }
}

const ansi = /\u001b\[[0-9;]*m/g;
export const visibleLength = (text: string) => text.replace(ansi, "").length;

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, "0")}s`;
}

export function formatAge(date: Date | string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(date).getTime()) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86_400)}d ago`;
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
