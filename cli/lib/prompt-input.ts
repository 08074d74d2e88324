// Reading secrets and text from the terminal or a pipe.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/** All of stdin, e.g. `echo $TOKEN | epic login --url …`. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Asks on stderr and reads one line from the terminal without echoing it (a pasted token). */
export async function askHidden(question: string): Promise<string> {
  process.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve, reject) => {
      reader.once("line", resolve);
      reader.once("close", () => reject(new Error("No token entered")));
    });
  } finally {
    reader.close();
    process.stderr.write("\n");
  }
}
