import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { resetDatabase } from "@/lib/testing/reset-database";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";
import { issueApiToken } from "@/lib/tokens/create-api-token";

/**
 * Must-show 3: `npx preflight` as a pipeline runs it — a child process of its own, configured
 * by PREFLIGHT_URL and PREFLIGHT_TOKEN only — against the real server (production build),
 * ticking, signing, and waiting for the Go/No-Go decision with the exit codes a pipeline
 * branches on: 0 after a GO, 1 after a NO-GO, 2 on time-out.
 */

const CLI = path.join(process.cwd(), "scripts", "preflight-cli.mjs");

type Person = { id: string; name: string };
let app: AppProcess;
let lead: Person;
let cto: Person;
let planId: string;
let leadToken: string;
let ctoToken: string;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI; `stderrSeen` resolves once its error output contains the text (the wait's progress line). */
function startCli(token: string, args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], {
    // Only what a CI job would set: the CLI must need nothing but PREFLIGHT_URL and PREFLIGHT_TOKEN.
    // eslint-disable-next-line no-restricted-properties -- PATH and HOME of the test run, for node itself
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PREFLIGHT_URL: app.url, PREFLIGHT_TOKEN: token, NODE_ENV: "production" } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const stderrWaiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of stderrWaiters) if (stderr.includes(waiter.text)) waiter.resolve();
  });
  const done = new Promise<CliRun>((resolve) => child.on("close", (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() })));
  const stderrSeen = (text: string) => new Promise<void>((resolve) => (stderr.includes(text) ? resolve() : stderrWaiters.push({ text, resolve })));
  return { done, stderrSeen };
}

const runCli = (token: string, args: string[]) => startCli(token, args).done;

beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url);
}, 90_000);

afterAll(async () => {
  await app?.stop();
});

beforeEach(async () => {
  await resetDatabase();
  [lead, cto] = (await Promise.all(
    ["Lee Lead", "Cora CTO"].map((name, index) => db().user.create({ data: { name, email: `user${index}@example.com`, passwordHash: "not-used" }, select: { id: true, name: true } })),
  )) as [Person, Person];
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: cto.id, role: "APPROVER", titles: ["CTO", "QA Lead", "Tech Lead"] } });
  leadToken = (await issueApiToken(lead.id, { scope: "write", name: "CI" })).token;
  ctoToken = (await issueApiToken(cto.id, { scope: "write", name: "CTO's laptop" })).token;
});

async function item(text: string) {
  return db().planItem.findFirstOrThrow({ where: { planId, text }, select: { id: true, status: true, statusNote: true, statusById: true, version: true } });
}

/** The steps the sign-offs require, ticked through the one writer, so signatures may be given. */
async function settlePreDeployment() {
  for (const text of ["Backup taken", "Tests passing"]) {
    const { id, version } = await item(text);
    await applyPlanChange({ ...lead, isAdmin: false }, planId, { type: "item.status", itemId: id, status: "DONE", expectedVersion: version });
  }
}

describe("preflight against the real server", () => {
  it("tick: finds the step by its text, records note and evidence as the token's owner; an ambiguous text lists the candidates", async () => {
    const ticked = await runCli(leadToken, ["tick", planId, "backup", "--note", "Snapshot 2026-12-07", "--evidence", "https://ci.example.com/runs/42"]);
    expect(ticked).toMatchObject({ code: 0, stdout: 'Ticked "Backup taken" done.' });
    expect(await item("Backup taken")).toMatchObject({ status: "DONE", statusById: lead.id, statusNote: "Snapshot 2026-12-07\nEvidence: https://ci.example.com/runs/42" });

    const ambiguous = await runCli(leadToken, ["tick", planId, "t"]);
    expect(ambiguous.code).toBe(4);
    expect(ambiguous.stderr).toContain('"t" matches');
    expect(ambiguous.stderr).toContain("Tests passing");

    const json = await runCli(leadToken, ["status", planId, "--json"]);
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout) as { status: string; items: { text: string; status: string }[] };
    expect(status.items.find((entry) => entry.text === "Backup taken")?.status).toBe("DONE");
  });

  it("sign: approves a gate for a title the token's owner holds; a refusal comes back with the server's message", async () => {
    await settlePreDeployment();
    const signed = await runCli(ctoToken, ["sign", planId, "Pre-Deployment", "--title", "QA Lead", "--approve"]);
    expect(signed).toMatchObject({ code: 0, stdout: "Approved Pre-deployment sign-off as QA Lead." });
    const signature = await db().gateSignature.findFirstOrThrow({ where: { planId, userId: cto.id }, select: { title: true, decision: true } });
    expect(signature).toEqual({ title: "QA Lead", decision: "APPROVE" });

    const refused = await runCli(leadToken, ["sign", planId, "Pre-Deployment", "--title", "QA Lead", "--approve"]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain("(HTTP 403)");
  });

  it("wait --gate exits 0 once the decision is GO", async () => {
    await settlePreDeployment();
    const waiting = startCli(leadToken, ["wait", planId, "--gate", "Go/No-Go", "--timeout", "60s", "--interval", "200ms"]);
    await waiting.stderrSeen("waiting for");
    expect(await runCli(ctoToken, ["decide", planId, "Go/No-Go", "GO", "--rationale", "Error budget healthy"])).toMatchObject({ code: 0 });
    expect(await waiting.done).toMatchObject({ code: 0, stdout: "Go/No-Go decision: GO by Cora CTO." });
  });

  it("wait --gate exits 1 once the decision is NO-GO, saying who decided and why", async () => {
    await settlePreDeployment();
    const waiting = startCli(leadToken, ["wait", planId, "--gate", "Go/No-Go", "--timeout", "60s", "--interval", "200ms", "--json"]);
    expect(await runCli(ctoToken, ["decide", planId, "Go/No-Go", "NO-GO", "--rationale", "Payments error rate 3%"])).toMatchObject({ code: 0 });
    const result = await waiting.done;
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: "refused", message: "Go/No-Go decision: NO-GO by Cora CTO — Payments error rate 3%." });
  });

  it("wait exits 2 when nothing is decided before the time-out", async () => {
    const result = await runCli(leadToken, ["wait", planId, "--gate", "Go/No-Go", "--timeout", "2s", "--interval", "500ms"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^Timed out after 2s\. /);
  });

  it("import creates a plan from a Markdown file as the token's owner, and export writes it back; a read-only token is refused the import", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "preflight-cli-"));
    try {
      const source = path.join(folder, "release.md");
      await writeFile(source, "# Payments 4.2 release\n\n## Deploy\n- [ ] Drain the old pool\n- [ ] Roll out 4.2\n");
      const created = await runCli(leadToken, ["import", source, "--json"]);
      expect(created.code).toBe(0);
      const { id } = JSON.parse(created.stdout) as { id: string; title: string };
      const plan = await db().plan.findUniqueOrThrow({ where: { id }, select: { title: true, createdById: true, items: { select: { text: true }, orderBy: { position: "asc" } } } });
      expect(plan).toEqual({ title: "Payments 4.2 release", createdById: lead.id, items: [{ text: "Drain the old pool" }, { text: "Roll out 4.2" }] });

      const target = path.join(folder, "exported.md");
      const exported = await runCli(leadToken, ["export", id, "--output", target]);
      expect(exported).toMatchObject({ code: 0, stdout: `Wrote ${target}.` });
      const markdown = await readFile(target, "utf8");
      expect(markdown).toContain("# Payments 4.2 release");
      expect(markdown).toContain("- [ ] Roll out 4.2");

      const readOnly = (await issueApiToken(lead.id, { scope: "read", name: "Dashboard" })).token;
      const refused = await runCli(readOnly, ["import", source]);
      expect(refused.code).toBe(4);
      expect(await db().plan.count({ where: { title: "Payments 4.2 release" } })).toBe(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
