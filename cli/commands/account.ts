// Signing in and out, and who the CLI acts as: login, logout, whoami, workspaces, tokens.
import type { Command } from "commander";
import { createApiClient, type ApiClient } from "../lib/client";
import { toCliError, usageError } from "../lib/cli-error";
import { configPath, normalizeServerUrl, readConfig, removeConfig, writeConfig } from "../lib/config";
import type { CommandContext } from "../lib/context";
import { formatAge } from "../lib/output";
import { askHidden, readStdin } from "../lib/prompt-input";
import type { Handlers } from "./handlers";

async function describeCaller(api: ApiClient) {
  const [user, token] = await Promise.all([api.user.me.query(), api.user.currentApiToken.query()]);
  return { user: { id: user.id, email: user.email, name: user.name }, token };
}

type Caller = Awaited<ReturnType<typeof describeCaller>>;

function printCaller(context: Pick<CommandContext, "output">, url: string, caller: Caller) {
  const { paint } = context.output;
  context.output.line(`${paint.bold(caller.user.email)}${caller.user.name ? ` (${caller.user.name})` : ""} on ${url}`);
  const token = caller.token;
  if (token) {
    const expires = token.expiresAt ? `expires ${token.expiresAt.toISOString().slice(0, 10)}` : "never expires";
    context.output.line(`Token "${token.name}" (${token.prefix}…): ${token.scope.toLowerCase()} scope in workspace "${token.workspace.name}", ${expires}`);
  }
}

export function registerAccountCommands(program: Command, { withOutput, withContext }: Handlers) {
  program
    .command("login")
    .description("save a server URL and an API token (create one in the dashboard: Settings → API tokens)")
    .requiredOption("--url <url>", "the server, e.g. https://epic.example.com")
    .option("--token <token>", "the API token (otherwise pasted, or read from stdin)")
    .action(
      withOutput(async (output, options: { url: string; token?: string }) => {
        const url = normalizeServerUrl(options.url);
        let token = options.token?.trim();
        if (!token) {
          token = process.stdin.isTTY
            ? (await askHidden(`Create a token at ${url}/settings, then paste it here: `)).trim()
            : (await readStdin()).trim();
        }
        if (!token) throw usageError("No token given", "Pass --token, paste one, or pipe it on stdin.");
        // Verified before it is saved: a typo must not replace a working login.
        const caller = await describeCaller(createApiClient({ url, token })).catch((error: unknown) => {
          throw toCliError(error, url);
        });
        const file = await writeConfig({ ...(await readConfig()), url, token });
        output.result({ url, ...caller, configPath: file }, () => {
          output.line(`${output.paint.green("Logged in.")} Saved to ${file}`);
          printCaller({ output }, url, caller);
        });
      }),
    );

  program
    .command("logout")
    .description("forget the saved token (revoke it in the dashboard to end it everywhere)")
    .action(
      withOutput(async (output) => {
        const file = configPath();
        await removeConfig();
        output.result({ configPath: file, isRemoved: true }, () => output.line(`Removed ${file}. Revoke the token in Settings if it may have leaked.`));
      }),
    );

  program
    .command("whoami")
    .description("who the saved token acts as, where, and with which scope")
    .action(
      withContext(async (context) => {
        const caller = await describeCaller(context.api);
        context.output.result({ url: context.credentials.url, ...caller }, () => printCaller(context, context.credentials.url, caller));
      }),
    );

  program
    .command("workspaces")
    .description("the workspaces the token can use (a token is bound to one)")
    .action(
      withContext(async ({ api, output }) => {
        const workspaces = await api.workspace.list.query();
        output.result(workspaces, () => {
          if (workspaces.length === 0) return output.line("No workspaces.");
          output.table([
            ["NAME", "ROLE", "ID"].map((text) => output.paint.dim(text)),
            ...workspaces.map((workspace) => [workspace.name, workspace.role.toLowerCase(), workspace.id]),
          ]);
        });
      }),
    );

  program
    .command("tokens")
    .description("the token in use; tokens are created and revoked in the dashboard")
    .action(
      withContext(async ({ api, output, credentials }) => {
        const token = await api.user.currentApiToken.query();
        // A token cannot list or mint tokens (so a leaked one cannot make more of itself).
        const manageUrl = `${credentials.url}/settings`;
        output.result({ current: token, manageUrl }, () => {
          if (token) {
            output.table([
              ["NAME", "PREFIX", "SCOPE", "WORKSPACE", "LAST USED", "EXPIRES"].map((text) => output.paint.dim(text)),
              [
                token.name,
                `${token.prefix}…`,
                token.scope.toLowerCase(),
                token.workspace.name,
                token.lastUsedAt ? formatAge(token.lastUsedAt) : "never",
                token.expiresAt ? token.expiresAt.toISOString().slice(0, 10) : "never",
              ],
            ]);
          }
          output.line(`Create and revoke tokens at ${manageUrl} (API tokens cannot manage tokens).`);
        });
      }),
    );
}
