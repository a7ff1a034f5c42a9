/**
 * How long `POST /api/plans/:id/changes` takes against the production server (not a test):
 * the median of 200 sequential ticks with a session cookie, 200 with an API token, and 200
 * refusals without credentials (401), after 20 of each to warm up. One connection at a time,
 * keep-alive as a script's fetch does.
 *
 *   npm run build
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
 *     npx tsx scripts/with-test-database.ts -- npx tsx scripts/measure-changes-post.ts
 */
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { issueApiToken } from "@/lib/tokens/create-api-token";
import { startAppProcess, UNLIMITED_CHANGES } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { sessionCookie } from "@/lib/testing/live-harness";

const RUNS = 200;
const WARMUP = 20;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function main() {
  const app = await startAppProcess(integrationDatabase().url, { env: UNLIMITED_CHANGES });
  try {
    const items = 2 * (RUNS + WARMUP);
    const markdown = `# Timing plan\n\n## Steps\n${Array.from({ length: items }, (_, index) => `- [ ] Step ${index + 1}`).join("\n")}\n`;
    const lead = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
    const planId = (await createPlanFromDocument({ document: parsePlanMarkdown(markdown).document, createdById: lead.id })).id;
    const itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
    const cookie = await sessionCookie(lead.id, lead.name);
    const { token } = await issueApiToken(lead.id, { scope: "write" });
    const url = `${app.url}/api/plans/${planId}/changes`;

    let next = 0;
    const tick = async (headers: Record<string, string>, expected: number) => {
      const body = JSON.stringify({ type: "item.status", itemId: itemIds[next++], status: "DONE", expectedVersion: 0 });
      const started = performance.now();
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      await response.arrayBuffer();
      const elapsed = performance.now() - started;
      if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}`);
      return elapsed;
    };
    const series = async (headers: Record<string, string>, expected: number) => {
      for (let index = 0; index < WARMUP; index++) await tick(headers, expected);
      const times: number[] = [];
      for (let index = 0; index < RUNS; index++) times.push(await tick(headers, expected));
      return median(times);
    };

    const sessionMs = await series({ origin: app.url, cookie }, 201);
    const tokenMs = await series({ authorization: `Bearer ${token}` }, 201);
    const refusedMs = await series({ origin: app.url }, 401);
    console.log(`median of ${RUNS} sequential POSTs: tick with a session ${sessionMs.toFixed(2)} ms, tick with a token ${tokenMs.toFixed(2)} ms, 401 ${refusedMs.toFixed(2)} ms`);
  } finally {
    await app.stop();
    await db().$disconnect();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
