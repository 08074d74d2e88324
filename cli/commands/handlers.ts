// Wraps command actions: builds the output (human or --json) and the API context, and turns
// whatever is thrown into a readable message and a stable exit code.
import type { Command } from "commander";
import { toCliError } from "../lib/cli-error";
import { createCommandContext, type CommandContext } from "../lib/context";
import { Output } from "../lib/output";

type Action = (...args: unknown[]) => Promise<void>;

export type Handlers = {
  /** For commands that need no saved login (login, logout). */
  withOutput<A extends unknown[]>(handler: (output: Output, ...args: A) => Promise<void>): Action;
  withContext<A extends unknown[]>(handler: (context: CommandContext, ...args: A) => Promise<void>): Action;
};

function outputFor(args: unknown[]): Output {
  const command = args.at(-1) as Command;
  return new Output(!!(command.optsWithGlobals() as { json?: boolean }).json);
}

export const handlers: Handlers = {
  withOutput: (handler) => async (...args) => {
    const output = outputFor(args);
    try {
      await handler(output, ...(args.slice(0, -1) as never));
    } catch (error) {
      const failure = toCliError(error);
      output.error(failure);
      process.exitCode = failure.exitCode;
    }
  },
  withContext: (handler) => async (...args) => {
    const output = outputFor(args);
    let url: string | undefined;
    try {
      const context = await createCommandContext(output);
      url = context.credentials.url;
      await handler(context, ...(args.slice(0, -1) as never));
    } catch (error) {
      const failure = toCliError(error, url);
      output.error(failure);
      process.exitCode = failure.exitCode;
    }
  },
};
