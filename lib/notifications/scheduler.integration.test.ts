import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { pushesFor, STATUS_UPDATE_EVENT, sweepOnce } from "@/lib/notifications/scheduler";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";
import { resetDatabase } from "@/lib/testing/reset-database";

const MINUTE = 60_000;
const T0 = new Date("2026-12-10T20:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

let lead: Actor, outsider: Actor;
let planId: string;

async function account(name: string, email: string): Promise<Actor> {
  const user = await db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  return { ...user, isAdmin: false };
}

/** Who got what, as "kind name", sorted: the sweeps' whole effect on the bell. */
async function received(): Promise<string[]> {
  const rows = await db().notification.findMany({ select: { kind: true, user: { select: { name: true } } } });
  return rows.map((row) => `${row.kind} ${row.user.name}`).sort();
}

beforeEach(async () => {
  await resetDatabase();
  [lead, , outsider] = await Promise.all([account("Lee Lead", "lead@example.com"), account("Eve Exec", "exec@example.com"), account("Otto Outside", "otto@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document, createdById: lead.id })).id;
  await applyPlanChange(lead, planId, { type: "member.set", email: "exec@example.com", role: "EXECUTOR", titles: [] });
});

describe("what time brings: the scheduler's sweep", () => {
  it("tells everyone on a scheduled plan once, 30 minutes before its window, and again when the window moves", async () => {
    await db().plan.update({ where: { id: planId }, data: { status: "SCHEDULED", windowStart: at(0) } });
    expect(await sweepOnce(db(), at(-31))).toEqual([]);
    const sent = await sweepOnce(db(), at(-30));
    expect(sent.map((entry) => entry.title)).toEqual(["“Sign-off test plan” starts in 30 minutes", "“Sign-off test plan” starts in 30 minutes"]);
    expect(await sweepOnce(db(), at(-10))).toEqual([]);
    expect(await received()).toEqual(["PLAN_STARTS_SOON Eve Exec", "PLAN_STARTS_SOON Lee Lead"]);

    await db().plan.update({ where: { id: planId }, data: { windowStart: at(60) } });
    expect(await sweepOnce(db(), at(0))).toEqual([]);
    expect(await sweepOnce(db(), at(45))).toHaveLength(2);
    expect(await sweepOnce(db(), at(50))).toEqual([]);
    expect(await received()).toEqual(["PLAN_STARTS_SOON Eve Exec", "PLAN_STARTS_SOON Eve Exec", "PLAN_STARTS_SOON Lee Lead", "PLAN_STARTS_SOON Lee Lead"]);
    expect(await db().notification.findFirst({ where: { userId: outsider.id } })).toBeNull();
  });

  it("says nothing for a window already past, or for a plan that is not scheduled", async () => {
    await db().plan.update({ where: { id: planId }, data: { status: "SCHEDULED", windowStart: at(0) } });
    expect(await sweepOnce(db(), at(1))).toEqual([]);
    await db().plan.update({ where: { id: planId }, data: { status: "DRAFT" } });
    expect(await sweepOnce(db(), at(-20))).toEqual([]);
  });

  it("tells the plan's leads once when a monitoring check falls due, and not for one done or far in the past", async () => {
    await db().plan.update({ where: { id: planId }, data: { status: "COMPLETE", startedAt: at(-60), finishedAt: at(0) } });
    await db().monitoringCheck.createMany({
      data: [
        { planId, position: 0, label: "Check error rates", offsetMinutes: 60, dueAt: at(60) },
        { planId, position: 1, label: "Already done", offsetMinutes: 30, dueAt: at(30), status: "DONE", doneAt: at(31) },
        { planId, position: 2, label: "Long ago", offsetMinutes: -20_000, dueAt: at(-20_000) },
      ],
    });
    expect(await sweepOnce(db(), at(59))).toEqual([]);
    const sent = await sweepOnce(db(), at(61));
    expect(sent.map((entry) => [entry.userId, entry.title, entry.href])).toEqual([[lead.id, "Monitoring check due on “Sign-off test plan”: Check error rates", `/plans/${planId}#checks-title`]]);
    expect(await pushesFor(db(), sent)).toEqual([{ userId: lead.id, payload: { id: sent[0]!.id, kind: "CHECK_DUE", title: sent[0]!.title, href: sent[0]!.href, unreadCount: 1 } }]);
    expect(await sweepOnce(db(), at(120))).toEqual([]);
    expect(await received()).toEqual(["CHECK_DUE Lee Lead"]);
  });

  it("nudges the leads of a running plan once per quiet interval, counting afresh from each status update", async () => {
    await db().plan.update({ where: { id: planId }, data: { status: "IN_PROGRESS", startedAt: at(0), updateReminderMinutes: 30 } });
    expect(await sweepOnce(db(), at(29))).toEqual([]);
    expect((await sweepOnce(db(), at(30))).map((entry) => [entry.userId, entry.kind])).toEqual([[lead.id, "UPDATE_REMINDER"]]);
    expect(await sweepOnce(db(), at(45))).toEqual([]);
    expect(await sweepOnce(db(), at(61))).toHaveLength(1);
    expect(await sweepOnce(db(), at(62))).toEqual([]);

    // A status update at T+70 restarts the clock: quiet again only from T+100.
    const plan = await db().plan.update({ where: { id: planId }, data: { lastSeq: { increment: 1 } }, select: { lastSeq: true } });
    await db().planEvent.create({ data: { planId, seq: plan.lastSeq, type: STATUS_UPDATE_EVENT, actorId: lead.id, createdAt: at(70), payload: { actor: { id: lead.id, name: lead.name }, event: { type: STATUS_UPDATE_EVENT, text: "All good", messageName: null } } } });
    expect(await sweepOnce(db(), at(90))).toEqual([]);
    expect(await sweepOnce(db(), at(100))).toHaveLength(1);
    expect(await sweepOnce(db(), at(110))).toEqual([]);
    expect(await received()).toEqual(["UPDATE_REMINDER Lee Lead", "UPDATE_REMINDER Lee Lead", "UPDATE_REMINDER Lee Lead"]);
  });

  it("does not nudge when the plan asks for no reminders", async () => {
    await db().plan.update({ where: { id: planId }, data: { status: "IN_PROGRESS", startedAt: at(0), updateReminderMinutes: null } });
    expect(await sweepOnce(db(), at(600))).toEqual([]);
  });
});
