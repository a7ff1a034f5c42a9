import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { atTime } from "@/lib/plan-state/change-clock";
import type { Actor } from "@/lib/plan-state/plan-access";
import { createPlanFromDocument } from "@/lib/plans/create-plan";

/**
 * Past deployments for the demo, so the dashboard has history to show: each one is imported
 * and then run through the one writer at the times it is meant to have happened, which gives
 * it a real event log, real metrics and real monitoring checks, not made-up rows.
 */
const MINUTE = 60_000;

const SERVICES = ["Payments API", "Search", "Checkout", "Accounts", "Notifications", "Reporting"];
const ENVIRONMENTS = ["production", "staging", "production-eu"];

type Outcome = "clean" | "slow-migration" | "rollback" | "partial";

interface PastRun {
  service: string;
  environment: string;
  version: string;
  windowStart: Date;
  lateMinutes: number;
  outcome: Outcome;
  expectedDowntime: number;
}

function historyPlanMarkdown(run: PastRun): string {
  const date = run.windowStart.toISOString().slice(0, 10);
  const time = run.windowStart.toISOString().slice(11, 16);
  return `# ${run.service} ${run.version} (${run.environment})

- **Environment**: ${run.environment}
- **Version**: ${run.version}
- **Scheduled Date**: ${date}
- **Start Time**: ${time} UTC
- **Deploy Lead**: Lee Deploy
- **Estimated Duration**: 40 minutes
- **Expected Downtime**: ${run.expectedDowntime ? `${run.expectedDowntime} minutes` : "None"}

## Preparation (T-30 min) (20 min)
- [ ] Announce the window to stakeholders
- [ ] Take a database backup

## Deploy (T-0) (20 min)
- [ ] Enable maintenance mode
- [ ] Run database migrations
- [ ] Deploy the new release
- [ ] Disable maintenance mode

## Verify (T+20 min) (20 min)
- [ ] Smoke tests pass
- [ ] Error rate below 1%

## Rollback Plan
- [ ] Restore the previous release
`;
}

/** A small deterministic generator, so every demo instance has the same history. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export function pastRuns(now: Date, count = 18): PastRun[] {
  const random = sequence(42);
  const outcomes: Outcome[] = ["clean", "clean", "clean", "slow-migration", "clean", "rollback", "clean", "partial", "clean"];
  return Array.from({ length: count }, (_, index) => {
    const daysAgo = Math.round(3 + (index * 175) / count + random() * 5);
    const windowStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, 20 + Math.floor(random() * 3), 0));
    return {
      service: SERVICES[index % SERVICES.length]!,
      environment: ENVIRONMENTS[Math.floor(random() * ENVIRONMENTS.length)]!,
      version: `${1 + (index % 4)}.${index}.0`,
      windowStart,
      lateMinutes: Math.floor(random() * 12),
      outcome: outcomes[index % outcomes.length]!,
      expectedDowntime: index % 3 === 0 ? 0 : 10,
    };
  });
}

export async function seedDemoHistory(lead: Actor, now = new Date()): Promise<number> {
  const runs = pastRuns(now);
  for (const run of runs) await replayRun(lead, run);
  await completeDueChecks(lead, now);
  return runs.length;
}

/** The team did its follow-up checks: each was ticked a few minutes after it fell due, except those of the latest run. */
async function completeDueChecks(lead: Actor, now: Date): Promise<void> {
  const latest = await db().plan.findFirst({ where: { finishedAt: { not: null } }, orderBy: { finishedAt: "desc" }, select: { id: true } });
  const checks = await db().monitoringCheck.findMany({ where: { dueAt: { lt: now }, planId: { not: latest?.id } }, orderBy: { dueAt: "asc" } });
  for (const check of checks) {
    await atTime(new Date(check.dueAt.getTime() + 7 * MINUTE), () => applyPlanChange(lead, check.planId, { type: "check.status", checkId: check.id, status: "DONE" }));
  }
}

async function replayRun(lead: Actor, run: PastRun): Promise<void> {
  const { id: planId } = await createPlanFromDocument({ document: parsePlanMarkdown(historyPlanMarkdown(run)).document, createdById: lead.id });
  const items = await db().planItem.findMany({ where: { planId }, select: { id: true, text: true } });
  const idOf = (text: string) => items.find((item) => item.text === text)!.id;
  const versions = new Map<string, number>();
  const t0 = run.windowStart.getTime();
  const at = (minutes: number) => new Date(t0 + minutes * MINUTE);
  const change = (minutes: number, input: Record<string, unknown>) => atTime(at(minutes), () => applyPlanChange(lead, planId, input));
  const tick = async (minutes: number, text: string, status = "DONE", note?: string) => {
    const itemId = idOf(text);
    const expectedVersion = versions.get(itemId) ?? 0;
    await change(minutes, { type: "item.status", itemId, status, expectedVersion, ...(note ? { note } : {}) });
    versions.set(itemId, expectedVersion + 1);
  };

  if (run.expectedDowntime) {
    await change(-60, { type: "item.flag", itemId: idOf("Enable maintenance mode"), downtimeMarker: "START" });
    await change(-60, { type: "item.flag", itemId: idOf("Disable maintenance mode"), downtimeMarker: "END" });
  }
  await tick(-28, "Announce the window to stakeholders");
  await tick(-20, "Take a database backup");
  const start = run.lateMinutes;
  await change(start, { type: "plan.lifecycle", action: "start" });
  await tick(start + 2, "Enable maintenance mode");
  let cursor = start + 2;
  if (run.outcome === "slow-migration") {
    await tick(cursor + 6, "Run database migrations", "FAILED", "Lock timeout on the orders table");
    await tick(cursor + 9, "Run database migrations", "PENDING");
    cursor += 21;
    await tick(cursor, "Run database migrations");
  } else {
    cursor += 7;
    await tick(cursor, "Run database migrations");
  }
  cursor += 5;
  await tick(cursor, "Deploy the new release");
  if (run.outcome === "rollback") {
    await tick(cursor + 4, "Smoke tests pass", "FAILED", "Checkout returns 502 for card payments");
    await change(cursor + 6, { type: "plan.lifecycle", action: "trigger-rollback", reason: "Smoke tests failed: card payments return 502", trigger: "Smoke tests failing" });
    await tick(cursor + 14, "Restore the previous release");
    await tick(cursor + 16, "Disable maintenance mode");
    await change(cursor + 18, { type: "plan.lifecycle", action: "finish-rollback" });
    return;
  }
  cursor += 3;
  await tick(cursor, "Disable maintenance mode");
  await tick(cursor + 6, "Smoke tests pass");
  if (run.outcome === "partial") {
    await tick(cursor + 12, "Error rate below 1%", "FAILED", "Error rate 2.3% on the EU cluster");
    await change(cursor + 15, { type: "plan.lifecycle", action: "finish-partial", reason: "EU cluster stays on the old release until the error rate is understood" });
    return;
  }
  await tick(cursor + 11, "Error rate below 1%");
  await change(cursor + 13, { type: "plan.lifecycle", action: "complete" });
}
