// Synchronous port checks for config files that cannot await (playwright.config.ts): each check
// is a short-lived child process that tries to listen, on every interface and on 127.0.0.1,
// the way `next start` will.
import { execFileSync } from "node:child_process";

const probe = `
const net = require("node:net");
const [port] = process.argv.slice(1).map(Number);
const listen = (host) => new Promise((resolve) => {
  const server = net.createServer();
  server.once("error", () => resolve(null));
  server.listen({ port, host, exclusive: true }, () => { const bound = server.address().port; server.close(() => resolve(bound)); });
});
(async () => {
  const any = await listen(undefined);
  const loopback = any === null ? null : await listen("127.0.0.1");
  process.stdout.write(String(port === 0 ? any ?? 0 : any !== null && loopback !== null ? port : 0));
})();`;

function runProbe(port: number): number {
  return Number(execFileSync(process.execPath, ["-e", probe, String(port)], { encoding: "utf8", timeout: 10_000 }));
}

/** Whether nothing listens on `port` yet. */
export function isPortFreeSync(port: number): boolean {
  return runProbe(port) === port;
}

/** A port the OS says is free right now. */
export function freePortSync(): number {
  return runProbe(0);
}
