/**
 * `npm run bench:import`: how long the importer takes on a 1 MB plan. Builds the document
 * from the seed plans in ../shared/seed-docs when they are there, else from the project's
 * own fixtures (repeated with numbered headings until it reaches 1 MB), parses it several
 * times and prints the figures, and which source it used. A benchmark, not a test.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { MAX_PLAN_BYTES } from "@/lib/import/validate-plan-input";

const RUNS = Number(process.argv[2] ?? 7);

async function oneMegabyteDocument(): Promise<string> {
  const seedDirectory = path.resolve(process.cwd(), process.env.SEED_DOCS_DIR ?? "../shared/seed-docs");
  const directory = existsSync(seedDirectory) ? seedDirectory : path.resolve(process.cwd(), "lib/import/fixtures");
  console.log(`source documents: ${directory}`);
  const files = (await readdir(directory)).filter((file) => file.endsWith(".txt") || file.endsWith(".md")).sort();
  const seeds = await Promise.all(files.map((file) => readFile(path.join(directory, file), "utf8")));
  const parts: string[] = ["# Large deployment plan\n"];
  for (let round = 1; ; round += 1) {
    for (const seed of seeds) {
      // Demote the seed's headings one level and number them so every section is distinct.
      const chunk = `\n## Part ${round}\n\n${seed.replace(/^(#{1,5}) (.*)$/gm, (_, hashes: string, title: string) => `${hashes}# ${title} (${round})`)}\n`;
      if (Buffer.byteLength(parts.join("") + chunk) > MAX_PLAN_BYTES) return parts.join("");
      parts.push(chunk);
    }
  }
}

const markdown = await oneMegabyteDocument();
const times: number[] = [];
let summary: ReturnType<typeof parsePlanMarkdown>["summary"] | undefined;
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  summary = parsePlanMarkdown(markdown).summary;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(`document: ${(Buffer.byteLength(markdown) / 1024).toFixed(0)} KiB, ${summary?.sections} sections, ${summary?.items} items, ${summary?.commands} commands`);
console.log(`parse time over ${RUNS} runs: min ${times[0]!.toFixed(0)} ms, median ${median.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (first run includes warm-up)`);
console.log(JSON.stringify({ bytes: Buffer.byteLength(markdown), runs: RUNS, min_ms: Math.round(times[0]!), median_ms: Math.round(median), max_ms: Math.round(times.at(-1)!) }));
