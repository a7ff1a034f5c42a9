/**
 * `npm run bench:import:adversarial`: each adversarial document (lib/import/adversarial-inputs.ts:
 * the inputs that froze the server in issue 10 and a 100 KB run of each special character)
 * written to a temporary file and read by the real command line, `preflight import FILE
 * --dry-run --json` (scripts/preflight-cli.mjs, what `npx preflight` runs), one process each.
 * Prints one line per input with its wall time, and first the CLI's own start-up time on an
 * empty document (refused at once) for comparison, and beside it the parse alone (the same
 * read, in this process), which is what the input costs: on a busy machine, process start-up
 * varies by more than any parse takes. A benchmark, not a test.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { adversarialInputs } from "@/lib/import/adversarial-inputs";
import { readUploadOutcome } from "@/lib/import/read-upload";

function parseAlone(text: string): number {
  const started = performance.now();
  readUploadOutcome(text);
  return performance.now() - started;
}

const CLI = path.join(process.cwd(), "scripts", "preflight-cli.mjs");

function runCli(file: string): { ms: number; status: number | null; answer: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, "import", file, "--dry-run", "--json"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  const answer = result.status === 0 ? `plan, ${(JSON.parse(result.stdout) as { summary: { items: number } }).summary.items} items` : result.stderr.trim().split("\n")[0]?.slice(0, 60) ?? "";
  return { ms, status: result.status, answer };
}

const directory = await mkdtemp(path.join(tmpdir(), "preflight-adversarial-"));
try {
  const empty = path.join(directory, "empty.md");
  await writeFile(empty, "");
  const startup = runCli(empty);
  console.log(`${"CLI start-up (empty document, refused)".padEnd(52)} ${startup.ms.toFixed(0).padStart(6)} ms`);
  let slowest = 0;
  let slowestParse = 0;
  for (const [index, input] of adversarialInputs().entries()) {
    const file = path.join(directory, `input-${index}.md`);
    await writeFile(file, input.text);
    const run = runCli(file);
    const parseMs = parseAlone(input.text);
    slowest = Math.max(slowest, run.ms - startup.ms);
    slowestParse = Math.max(slowestParse, parseMs);
    const size = `${(Buffer.byteLength(input.text) / 1024).toFixed(0)} KB`;
    const overStartup = run.ms - startup.ms;
    console.log(
      `${input.name.padEnd(52)} CLI ${run.ms.toFixed(0).padStart(6)} ms (${overStartup >= 0 ? "+" : ""}${overStartup.toFixed(0)} vs start-up)  parse ${parseMs.toFixed(0).padStart(5)} ms  ${size.padStart(7)}  exit ${run.status}: ${run.answer}`,
    );
  }
  console.log(`slowest CLI run beyond start-up: ${slowest.toFixed(0)} ms; slowest parse alone: ${slowestParse.toFixed(0)} ms`);
} finally {
  await rm(directory, { recursive: true, force: true });
}
