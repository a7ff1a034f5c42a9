/**
 * `npm run bench:edit`: how editing holds up on a big plan. A benchmark, not a test: it prints
 * figures and asserts nothing.
 *
 *   1. creates a scratch database (on DATABASE_URL's server if set, which must be local, else the
 *      embedded PostgreSQL of the test suite) with a plan of 1 000 steps (20 sections of 50), led
 *      by one account and watched by 20 others;
 *   2. starts the real server (server.ts, production build: run `npm run build` first);
 *   3. times GET /plans/:id (the page's server render, to the last byte) for the lead;
 *   4. joins 20 watcher sockets to the plan, then rewords steps one at a time over the lead's
 *      socket (`plan:change` item.edit): the round trip is from just before the change is sent
 *      until the last watcher has its event;
 *   5. moves the first step to the end of the plan and back (`item.move`), timed the same way:
 *      every row between the two ends changes position;
 *   6. opens the plan page in a watcher's browser (Chromium through Playwright), then ticks steps
 *      and rewords others over the lead's socket, one at a time: for each it counts the checklist
 *      rows React rendered on the watcher's page until the change is painted
 *      (components/live/render-probe.ts: rows count their own renders when the page asks them
 *      to), and times it from sent to shown on that page.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:edit
 *
 * Options: --steps N [1000], --watchers N [20], --edits N [100], --moves N [10], --renders N [10],
 * --ticks N [10] (ticks, and as many rewordings, in the browser). CHROMIUM_PATH names the browser [/usr/bin/chromium].
 */
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { io as connect, type Socket } from "socket.io-client";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import type { ChangeAnswer } from "@/lib/realtime/socket-contract";
import { startAppProcess, UNLIMITED_CHANGES, type AppProcess } from "@/lib/testing/app-process";
import { sessionCookie } from "@/lib/testing/live-harness";
import { createTestDatabase, startTestDatabaseServer } from "@/lib/testing/test-database";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 && argv[index + 1] ? Number(argv[index + 1]) : fallback;
};
const STEPS = option("steps", 1000);
const WATCHERS = option("watchers", 20);
const EDITS = option("edits", 100);
const MOVES = option("moves", 10);
const RENDERS = option("renders", 10);
const TICKS = option("ticks", 10);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SECTIONS = 20;
const WARMUP = 5;

const log = (line: string) => console.log(`[bench:edit] ${line}`);
const now = () => performance.now();

/** Nearest-rank percentile. */
function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
const show = (values: number[]) => `p50 ${pct(values, 50).toFixed(1)} ms, p95 ${pct(values, 95).toFixed(1)} ms, max ${pct(values, 100).toFixed(1)} ms (n=${values.length})`;

function planMarkdown(steps: number): string {
  const perSection = Math.ceil(steps / SECTIONS);
  const sections = Array.from({ length: SECTIONS }, (_, section) => {
    const count = Math.max(0, Math.min(perSection, steps - section * perSection));
    const items = Array.from({ length: count }, (_, index) => `- [ ] Step ${section * perSection + index + 1}: check service ${index + 1} of phase ${section + 1}`);
    return `## Phase ${section + 1}\n${items.join("\n")}\n`;
  });
  return `# Edit benchmark plan\n\n${sections.join("\n")}`;
}

/** A socket of the signed-in person, joined to the plan, collecting its events. */
async function joinedSocket(url: string, user: { id: string; name: string }, planId: string): Promise<{ socket: Socket; seen: Set<number> }> {
  const socket = connect(url, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie: await sessionCookie(user.id, user.name) } });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const seen = new Set<number>();
  socket.on("plan:event", (message: PlanEventMessage) => seen.add(message.seq));
  await socket.emitWithAck("plan:join", { planId });
  return { socket, seen };
}

async function untilEveryoneHas(watchers: { seen: Set<number> }[], seq: number): Promise<void> {
  while (!watchers.every((watcher) => watcher.seen.has(seq))) await new Promise((resolve) => setImmediate(resolve));
}

function showCount(values: number[]): string {
  return `p50 ${pct(values, 50)}, max ${pct(values, 100)}, min ${pct(values, 0)} (n=${values.length})`;
}

interface RemoteChange {
  send: () => Promise<unknown>;
  /** A selector that matches once the watcher's page shows the change. */
  shownBy: string;
}

/** The plan page in a watcher's browser, opened with the render probe on. */
async function openWatcherPage(appUrl: string, watcher: { id: string; name: string }, planId: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  const context = await browser.newContext();
  const cookie = await sessionCookie(watcher.id, watcher.name);
  const separator = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: appUrl }]);
  await context.addInitScript(() => {
    window.__preflightRenderProbe = { rows: {} };
  });
  const page = await context.newPage();
  await page.goto(`${appUrl}/plans/${planId}`);
  await page.locator('[data-connection="live"]').waitFor();
  return { page, close: () => browser.close() };
}

/**
 * For each change: clears the counts, sends it, waits until the page shows it and two
 * animation frames have passed (the update is committed and painted), and reads how many rows rendered.
 */
async function measureRemoteChanges(page: Page, changes: RemoteChange[]): Promise<{ rowsRendered: number[]; shown: number[] }> {
  const rowsRendered: number[] = [];
  const shown: number[] = [];
  for (const change of changes) {
    // A flashing row renders once more when its highlight ends; let the last one end first.
    await page.locator("li[data-item-id][data-flash]").first().waitFor({ state: "detached" });
    await page.evaluate(() => {
      window.__preflightRenderProbe!.rows = {};
    });
    const started = now();
    await change.send();
    await page.locator(change.shownBy).waitFor();
    shown.push(now() - started);
    rowsRendered.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(Object.values(window.__preflightRenderProbe!.rows).reduce((sum, count) => sum + count, 0)))),
          ),
      ),
    );
  }
  return { rowsRendered, shown };
}

process.env.LOG_LEVEL ??= "error";
if (!existsSync(".next/BUILD_ID")) {
  log("no production build (.next/BUILD_ID is missing): run `npm run build` first");
  process.exit(2);
}
const server = await startTestDatabaseServer(process.env.DATABASE_URL, log);
const database = await createTestDatabase(server.serverUrl, { prefix: "preflight_bench_edit", migrate: true });
let app: AppProcess | undefined;
const sockets: Socket[] = [];
const cleanUp = async () => {
  sockets.forEach((socket) => socket.close());
  await app?.stop();
  const { disconnectDatabase } = await import("@/lib/db");
  await disconnectDatabase();
  await database.drop().then(
    () => log(`dropped ${database.name}`),
    (error: unknown) => log(`could not drop ${database.name}: ${String(error)}`),
  );
  await server.stop();
};
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

try {
  // lib/db reads DATABASE_URL on first use, so point it at the scratch database before loading it.
  process.env.DATABASE_URL = database.url;
  const { db } = await import("@/lib/db");
  const { parsePlanMarkdown } = await import("@/lib/import/parse-plan-markdown");
  const { createPlanFromDocument } = await import("@/lib/plans/create-plan");

  const lead = await db().user.create({ data: { name: "Lee Lead", email: "lead@bench.example", passwordHash: "not-used" }, select: { id: true, name: true } });
  const watchers = await Promise.all(
    Array.from({ length: WATCHERS }, (_, index) => db().user.create({ data: { name: `Watcher ${index + 1}`, email: `watcher${index + 1}@bench.example`, passwordHash: "not-used" }, select: { id: true, name: true } })),
  );
  const { id: planId } = await createPlanFromDocument({ document: parsePlanMarkdown(planMarkdown(STEPS)).document, createdById: lead.id });
  await db().planMember.createMany({ data: watchers.map((watcher) => ({ planId, userId: watcher.id, role: "VIEWER" as const })) });
  const items = await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, version: true, text: true } });
  const sections = await db().planSection.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } });
  log(`plan of ${items.length} steps in ${sections.length} sections, ${WATCHERS} watchers, in ${database.name}`);

  app = await startAppProcess(database.url, { env: UNLIMITED_CHANGES });
  const cookie = await sessionCookie(lead.id, lead.name);

  const renders: number[] = [];
  let bytes = 0;
  for (let run = 0; run < WARMUP + RENDERS; run++) {
    const started = now();
    const response = await fetch(`${app.url}/plans/${planId}`, { headers: { cookie } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET /plans/:id answered ${response.status}`);
    if (run >= WARMUP) renders.push(now() - started);
    bytes = Buffer.byteLength(body);
  }
  console.log(`page render (GET /plans/:id, to the last byte, ${(bytes / 1024).toFixed(0)} KiB of HTML): ${show(renders)}`);

  const watching = await Promise.all(watchers.map((watcher) => joinedSocket(app!.url, watcher, planId)));
  const editor = await joinedSocket(app.url, lead, planId);
  sockets.push(editor.socket, ...watching.map((watcher) => watcher.socket));

  const versions = new Map(items.map((item) => [item.id, item.version]));
  const send = async (change: Record<string, unknown>): Promise<number> => {
    const started = now();
    const answer = (await editor.socket.emitWithAck("plan:change", { planId, change })) as ChangeAnswer;
    if (!answer.ok) throw new Error(`${String(change.type)} refused: ${answer.status} ${answer.error.message}`);
    await untilEveryoneHas(watching, answer.message.seq);
    const event = answer.message.event;
    if (event.type === "item.edited" || event.type === "item.moved" || event.type === "item.changed") versions.set(event.item.id, event.item.version);
    return now() - started;
  };

  const edits: number[] = [];
  for (let index = 0; index < WARMUP + EDITS; index++) {
    const item = items[(index * 37) % items.length]!;
    const elapsed = await send({ type: "item.edit", itemId: item.id, expectedVersion: versions.get(item.id)!, text: `${item.text} (rev ${index + 1})` });
    if (index >= WARMUP) edits.push(elapsed);
  }
  console.log(`edit round trip (item.edit sent until all ${WATCHERS} watchers have it): ${show(edits)}`);

  const moves: number[] = [];
  const first = items[0]!;
  const lastSection = sections.at(-1)!.id;
  for (let index = 0; index < MOVES; index++) {
    // To the end of the last section, then back to the very start: every step between moves one place.
    const toEnd = index % 2 === 0;
    const change = toEnd
      ? { type: "item.move", itemId: first.id, expectedVersion: versions.get(first.id)!, sectionId: lastSection }
      : { type: "item.move", itemId: first.id, expectedVersion: versions.get(first.id)!, sectionId: sections[0]!.id, afterItemId: null };
    moves.push(await send(change));
  }
  console.log(`move a step to the other end of the plan (item.move sent until all watchers have it): ${show(moves)}`);

  // Steps spread over the plan, away from the one that moved.
  const ticked = Array.from({ length: TICKS }, (_, index) => items[1 + ((index * 97 + 500) % (items.length - 1))]!);
  const reworded = Array.from({ length: TICKS }, (_, index) => items[1 + ((index * 89 + 250) % (items.length - 1))]!);
  const watcherPage = await openWatcherPage(app.url, watchers[0]!, planId);
  let ticks: Awaited<ReturnType<typeof measureRemoteChanges>>;
  let remoteEdits: typeof ticks;
  try {
    ticks = await measureRemoteChanges(
      watcherPage.page,
      ticked.map((item) => ({
        send: () => send({ type: "item.status", itemId: item.id, status: "DONE", expectedVersion: versions.get(item.id)! }),
        shownBy: `li[data-item-id="${item.id}"][data-status="DONE"]`,
      })),
    );
    remoteEdits = await measureRemoteChanges(
      watcherPage.page,
      reworded.map((item, index) => ({
        send: () => send({ type: "item.edit", itemId: item.id, expectedVersion: versions.get(item.id)!, text: `Reworded in the browser ${index + 1}` }),
        shownBy: `li[data-item-id="${item.id}"] [data-role="item-text"]:text-is("Reworded in the browser ${index + 1}")`,
      })),
    );
  } finally {
    await watcherPage.close();
  }
  console.log(`rows re-rendered per remote tick (a watcher's page, ${items.length} rows, until the tick is painted): ${showCount(ticks.rowsRendered)}`);
  console.log(`remote tick shown in a watcher's browser (item.status sent until the row says done): ${show(ticks.shown)}`);
  console.log(`rows re-rendered per remote edit (item.edit, until the refetched structure is painted): ${showCount(remoteEdits.rowsRendered)}`);
  console.log(`remote edit shown in a watcher's browser (item.edit sent until the row reads the new text): ${show(remoteEdits.shown)}`);
} finally {
  await cleanUp();
}
