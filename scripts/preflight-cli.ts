/**
 * The Preflight command line (`npx preflight …`): the commands live in lib/cli/; this file
 * only connects them to the process (environment, terminal, files, exit code). Run
 * `npx preflight help` for the commands.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runCli } from "@/lib/cli/run-cli";

const invocationDir = process.env.PREFLIGHT_INVOCATION_DIR ?? process.cwd();

runCli(process.argv.slice(2), {
  env: process.env,
  fetch: (url, init) => fetch(url, init),
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  now: () => Date.now(),
  sleep: (ms) => sleep(ms),
  readFile: async (file) => new Uint8Array(await readFile(path.resolve(invocationDir, file))),
  writeFile: (file, text) => writeFile(path.resolve(invocationDir, file), text),
  localImport: async (command) => (await import("./preflight-local-import")).importLocally(command, invocationDir),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`preflight: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
