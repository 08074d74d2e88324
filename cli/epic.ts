// `epic`: the platform from a terminal. Commands call the typed tRPC API with an API token and
// follow runs over the run-event stream. Exit codes: 0 ok, 1 run failed (or another error),
// 2 usage, 3 auth, 4 not found, 5 rate limited, 130 detached with Ctrl-C (lib/exit-codes.ts).
import { Command, CommanderError } from "commander";
import { registerAccountCommands } from "./commands/account";
import { handlers } from "./commands/handlers";
import { registerProjectCommands } from "./commands/projects";
import { registerRunCommands } from "./commands/runs";
import { registerVersionCommands } from "./commands/versions";
import { exitCodes } from "./lib/exit-codes";
import { version } from "./version";

export function buildProgram(): Command {
  const program = new Command("epic")
    .description("Build and run apps on an Epic AI Dev server from your terminal.")
    .version(version)
    // Program options only before the command: `epic pull P --version 3 DIR` is pull's --version.
    .enablePositionalOptions()
    .option("--json", "machine-readable output: JSON only on stdout (JSON lines for streams)")
    .showHelpAfterError("(run epic --help for usage)")
    .addHelpText(
      "after",
      `
Environment: EPIC_URL and EPIC_TOKEN override the saved login; NO_COLOR turns colour off.
Exit codes: 0 ok, 1 run failed, 2 usage, 3 auth, 4 not found, 5 rate limited, 130 detached (Ctrl-C).`,
    );
  registerAccountCommands(program, handlers);
  registerProjectCommands(program, handlers);
  registerRunCommands(program, handlers);
  registerVersionCommands(program, handlers);
  for (const command of program.commands) command.option("--json", "machine-readable output: JSON only on stdout");
  // Usage errors exit 2 (commander's default is 1, which means "run failed" here).
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const isInformational = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      if (isInformational) return exitCodes.ok;
      // commander has printed the message on stderr; stdout stays empty for --json callers.
      return exitCodes.usage;
    }
    throw error;
  }
  return Number(process.exitCode ?? 0);
}

const code = await main(process.argv);
// Exit once stdout has drained: open keep-alive sockets must not hold the shell for seconds.
process.stdout.write("", () => process.exit(code));
