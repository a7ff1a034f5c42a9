import { db } from "@/lib/db";
import { changeTime } from "@/lib/plan-state/change-clock";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actionForChange, mayPerform } from "@/lib/plan-state/permissions";
import { planChangeSchema, type PlanChange } from "@/lib/plan-state/change-schema";
import type { ItemLiveState, PlanEventMessage, PlanEventPayload, PlanEventWire } from "@/lib/plan-state/events";
import { liveFormOf } from "@/lib/plan-state/live-delta";
import { tickInOneStatement } from "@/lib/plan-state/tick-statement";
import { itemsMayChange } from "@/lib/plan-state/lifecycle";
import { lockPlan, type LockedPlan } from "@/lib/plan-state/lock-plan";
import { writeLifecycleChange } from "@/lib/plan-state/write-lifecycle";
import { removeMember, writeMember } from "@/lib/plan-state/write-members";
import { writePlanSettings } from "@/lib/plan-state/write-settings";
import { createShareLink, revokeShareLink } from "@/lib/plan-state/write-share-link";
import { writeGateConfiguration, writeSignature } from "@/lib/plan-state/write-signoff";
import { writeItemPlanChange } from "@/lib/planning/write-item-plan-change";
import { writeItemPlanning } from "@/lib/planning/write-item-planning";
import { writeItemCheck } from "@/lib/checks/write-item-check";
import { decideAutomationTick } from "@/lib/checks/automation-rules";
import { scheduleAutoChecksAfter } from "@/lib/checks/auto-run";
import { writeCheckStatus, writeDowntime, writeItemFlag, writeWindow } from "@/lib/plan-state/write-time";
import { assertMay, type Actor } from "@/lib/plan-state/plan-access";
import { changeItemLocked, type ItemChangeSideEffects } from "@/lib/plan-state/item-change-store";
import { downtimeEffect } from "@/lib/plan-state/downtime-rules";
import { checkMeasuredDone } from "@/lib/plan-state/measured-done";
import { decideTickAgainstDependencies, type TickDecision } from "@/lib/planning/tick-blocking";
import { metricSchema } from "@/lib/plan-document/schema";
import { runInPlanQueue } from "@/lib/plan-state/per-plan-queue";
import { broadcastPlanEvent } from "@/lib/realtime/broadcast";
import { writeStructuralChange } from "@/lib/plan-editing/write-structure";
import { undoLastEdit } from "@/lib/plan-editing/undo-edit";
import { writeDocumentPartChange } from "@/lib/document-parts/write-document-part";
import { sharePolicyOf, type SharePolicy } from "@/lib/share/redact-for-share";
import { enqueueDeliveries } from "@/lib/webhooks/enqueue-deliveries";
import { enqueueNotificationJob } from "@/lib/notifications/enqueue-notification-job";
import { recordAutomaticUpdate, writeStatusUpdate } from "@/lib/status-updates/write-status-update";
import { mailStatusUpdate } from "@/lib/status-updates/mail-status-update";

type Tx = Prisma.TransactionClient;

/**
 * The one module that changes a plan's state. For every change it validates the input,
 * checks the actor's plan role, and in one transaction writes the change and appends the
 * event with the plan's next sequence number; only after the commit is the event broadcast.
 * Route handlers, socket handlers and scripts all call this; nothing else writes plan state.
 *
 * Writers to one plan are serialised by a row lock on the plan, which is what keeps the
 * sequence gap-free, and within a process by a queue that also keeps broadcasts in sequence
 * order; concurrent edits of one item are decided by its version number.
 */
export async function applyPlanChange(actor: Actor, planId: string, input: unknown): Promise<AppliedChange> {
  const change = planChangeSchema.parse(input);
  return runInPlanQueue(planId, async () => {
    const { share, live, ...applied } =
      change.type === "item.status" || change.type === "item.measurement" ? await applyItemChange(actor, planId, change) : await applyOtherChange(actor, planId, change);
    broadcastPlanEvent(applied.message, share, live);
    for (const followUp of applied.followUps ?? []) broadcastPlanEvent(followUp, share);
    // Steps whose HTTP check runs by itself may be due now (lib/checks/auto-run.ts).
    scheduleAutoChecksAfter(applied.message);
    return applied;
  });
}

/**
 * The recorded event, as broadcast to everyone, and for a new share link its token, which
 * only the person who created it gets back.
 */
export interface AppliedChange {
  message: PlanEventMessage;
  shareToken?: string;
  /** Events the change caused in the same transaction, after its own (an automatic status update). */
  followUps?: PlanEventMessage[];
}

const NOT_FOUND = "This plan does not exist, or you cannot see it.";

/**
 * What the one writer hands to the broadcast: the event, what share links may see of it under
 * the plan's settings, and for a tick the form the plan's room gets (a delta, lib/plan-state/live-delta.ts).
 */
type Committed = AppliedChange & { share: SharePolicy; live?: PlanEventWire };

/**
 * Ticks and measurements: the hot path. A person's tick is first offered to the one-statement
 * write (tick-statement.ts), which writes only when no rule could refuse it; everything else,
 * and every tick it leaves, takes the locked read and the rules below (item-change-store.ts).
 * `path: "full"` skips the one statement; only the benchmark's comparison asks for it.
 */
export async function applyItemChange(
  actor: Actor,
  planId: string,
  change: Extract<PlanChange, { type: "item.status" | "item.measurement" }>,
  path: "one-statement" | "full" = "one-statement",
): Promise<Committed> {
  const written = path === "one-statement" && change.type === "item.status" ? await tickInOneStatement(actor, planId, change) : null;
  if (written) return written;
  const actorRef = { id: actor.id, name: actor.name };
  const committed = await changeItemLocked(planId, change.itemId, actor.id, (context) => {
    const checkResult = change.type === "item.status" ? change.checkResult : undefined;
    if (actor.automation || checkResult) {
      const automation = decideAutomationTick({ actorIsAutomation: Boolean(actor.automation), changeType: change.type, itemHasCheck: Boolean(context.item?.hasCheck), status: change.type === "item.status" ? change.status : undefined, checkResult });
      if (!automation.ok) throw new AppError(automation.code, automation.message);
    } else {
      assertMay(context.role, "tick", actor);
    }
    if (!itemsMayChange(context.planStatus)) throw new AppError("conflict", "This plan has finished; its items can no longer change.");
    const item = context.item;
    if (!item) throw new AppError("not_found", "This item is not part of the plan.");
    if (item.version !== change.expectedVersion) {
      throw new AppError("conflict", `${item.changedBy ?? "Someone"} changed this item first. It now shows their update.`, {
        item: { ...item, statusAt: item.statusAt?.toISOString() ?? null },
      });
    }
    const dependencies: TickDecision =
      change.type === "item.status"
        ? decideTickAgainstDependencies({
            status: change.status,
            predecessors: context.predecessors,
            override: change.override,
            // Going ahead over open predecessors is the lead's call, like going ahead over a gate.
            mayOverride: mayPerform(context.role, "run", actor),
          })
        : { ok: true };
    if (!dependencies.ok) throw new AppError(dependencies.code, dependencies.message, { blockers: dependencies.blockers });
    const at = changeTime();
    const write =
      change.type === "item.status"
        ? change.status === "PENDING"
          ? { status: change.status, statusNote: null, measuredValue: change.measuredValue ?? item.measuredValue, statusById: null, statusAt: null }
          : { status: change.status, statusNote: change.note ?? null, measuredValue: change.measuredValue ?? item.measuredValue, statusById: actor.id, statusAt: at, ...(checkResult ? { checkResult } : {}) }
        : { status: item.status, statusNote: item.statusNote, measuredValue: change.value, statusById: actor.id, statusAt: at };
    const metric = metricSchema.safeParse(item.metric);
    const measured = checkMeasuredDone({
      metric: metric.success ? metric.data : null,
      before: { status: item.status, value: item.measuredValue },
      after: { status: write.status, value: write.measuredValue },
      confirmedOutsideTarget: change.confirmOutsideTarget === true,
    });
    if (!measured.ok) {
      // A missing value is bad input (422); a value outside target is a question to confirm (409).
      throw new AppError(measured.reason === "value-missing" ? "unprocessable" : "conflict", measured.message, { measurement: measured.reason });
    }
    const event: PlanEventPayload = {
      type: "item.changed",
      item: {
        id: item.id,
        status: write.status,
        statusNote: write.statusNote,
        measuredValue: write.measuredValue,
        statusAt: write.statusAt?.toISOString() ?? null,
        changedBy: write.statusById ? actor.name : null,
        version: item.version + 1,
      },
      previousStatus: item.status,
      ...(dependencies.ok && dependencies.override ? { override: dependencies.override } : {}),
      ...(checkResult ? { check: checkResult } : {}),
    };
    const withEffects = ({ staleSignatureIds, downtime }: ItemChangeSideEffects): PlanEventPayload => ({
      ...event,
      ...(staleSignatureIds.length ? { staleSignatureIds } : {}),
      ...(downtime ? { downtime } : {}),
    });
    return {
      write,
      downtime: downtimeEffect(item.downtimeMarker, item.status, write.status, context.downtimeOpen, context.planStatus),
      event: (effects) => ({ type: event.type, payload: { actor: actorRef, event: withEffects(effects) }, at }),
      result: (seq, effects): Committed => {
        const message: PlanEventMessage = { planId, seq, at: at.toISOString(), actor: actorRef, event: withEffects(effects) };
        return { message, share: sharePolicyOf(context), live: liveFormOf(message, item, context.role !== null) };
      },
    };
  });
  if (!committed) throw new AppError("not_found", NOT_FOUND);
  return committed;
}

type OtherChange = Exclude<PlanChange, { type: "item.status" | "item.measurement" }>;

/** Every other change: rarer and richer, in a Prisma transaction under the same plan lock. */
async function applyOtherChange(actor: Actor, planId: string, change: OtherChange): Promise<Committed> {
  return db().$transaction(async (tx) => {
    const plan = await lockPlan(tx, planId, actor.id);
    if (!plan) throw new AppError("not_found", NOT_FOUND);
    assertMay(plan.role, actionForChange(change.type), actor);

    const at = changeTime();
    const { event, shareToken } = await writeChange(tx, plan, change, actor, at);
    const seq = plan.lastSeq + 1;
    const actorRef = { id: actor.id, name: actor.name };
    await tx.plan.update({ where: { id: planId }, data: { lastSeq: seq } });
    const recorded = await tx.planEvent.create({
      data: { planId, seq, type: event.type, actorId: actor.id, createdAt: at, payload: { actor: actorRef, event } as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    await enqueueDeliveries(tx, { eventId: recorded.id, planId, type: event.type });
    await enqueueNotificationJob(tx, recorded.id);
    if (event.type === "status-update.posted") await mailStatusUpdate(tx, { eventId: recorded.id, planId, planTitle: plan.title, text: event.text });
    const automatic = event.type === "plan.status" ? await recordAutomaticUpdate(tx, { planId, planTitle: plan.title, status: event.status, afterSeq: seq, actor: actorRef, at }) : null;
    const share = sharePolicyOf(event.type === "plan.edited" ? event.settings : plan);
    return { message: { planId, seq, at: at.toISOString(), actor: actorRef, event }, shareToken, share, ...(automatic ? { followUps: [automatic] } : {}) };
  });
}

async function writeChange(tx: Tx, plan: LockedPlan, change: OtherChange, actor: Actor, at: Date): Promise<{ event: PlanEventPayload; shareToken?: string }> {
  switch (change.type) {
    case "item.comment": {
      await findItem(tx, plan.id, change.itemId);
      const comment = await tx.planComment.create({
        data: { planId: plan.id, itemId: change.itemId, authorId: actor.id, body: change.body },
        select: { id: true, createdAt: true },
      });
      return { event: { type: "comment.added", comment: { id: comment.id, itemId: change.itemId, body: change.body, author: actor.name, at: comment.createdAt.toISOString() } } };
    }
    case "plan.lifecycle":
      return { event: await writeLifecycleChange(tx, plan, change, at, actor) };
    case "plan.edit":
      return { event: await writePlanSettings(tx, plan, change) };
    case "gate.configure":
      return { event: await writeGateConfiguration(tx, plan, change) };
    case "gate.sign":
    case "gate.decide":
      return { event: await writeSignature(tx, plan, change, actor) };
    case "member.set":
      return { event: await writeMember(tx, plan, change) };
    case "member.remove":
      return { event: await removeMember(tx, plan, change) };
    case "share.create":
      return createShareLink(tx, plan, actor);
    case "share.revoke":
      return { event: await revokeShareLink(tx, plan, change) };
    case "plan.window":
      return { event: await writeWindow(tx, plan, change) };
    case "downtime":
      return { event: await writeDowntime(tx, plan, change, at) };
    case "item.flag":
      return { event: await writeItemFlag(tx, plan, change) };
    case "check.status":
      return { event: await writeCheckStatus(tx, plan, change, actor, at) };
    case "item.plan":
      return { event: await writeItemPlanChange(tx, plan, change) };
    case "section.add":
    case "section.edit":
    case "section.move":
    case "section.remove":
      return { event: await writeStructuralChange(tx, plan, change, at) };
    case "item.add": {
      // The step first, then its owners and dependencies (which may name it), in one transaction and one event.
      const { owners, dependsOn, plannedMinutes, ...step } = change;
      const event = await writeStructuralChange(tx, plan, step, at);
      if (event.type !== "item.added" || (owners === undefined && dependsOn === undefined && plannedMinutes == null)) return { event };
      return { event: { ...event, planning: await writeItemPlanning(tx, plan, event.item.id, { owners, dependsOn, plannedMinutes }) } };
    }
    case "item.edit":
    case "item.move":
    case "item.remove":
      return { event: await writeStructuralChange(tx, plan, change, at) };
    case "plan.undo":
      return { event: await undoLastEdit(tx, plan, actor.id, at) };
    case "gate.edit":
    case "trigger.add":
    case "trigger.edit":
    case "trigger.remove":
    case "table.edit":
    case "comms.add":
    case "comms.edit":
    case "comms.remove":
    case "table.add":
    case "table.remove":
      return { event: await writeDocumentPartChange(tx, plan, change) };
    case "gate.add":
    case "gate.remove":
      return { event: await writeDocumentPartChange(tx, plan, change) };
    case "item.check":
      return { event: await writeItemCheck(tx, plan, change) };
    case "status-update.post":
      return { event: await writeStatusUpdate(tx, plan, change, at) };
  }
}

async function findItem(tx: Tx, planId: string, itemId: string) {
  const item = await tx.planItem.findFirst({ where: { id: itemId, planId } });
  if (!item) throw new AppError("not_found", "This item is not part of the plan.");
  return item;
}

export function liveItem(
  item: { id: string; status: ItemLiveState["status"]; statusNote: string | null; measuredValue: number | null; statusAt: Date | null; version: number },
  changedBy: string | null,
): ItemLiveState {
  return {
    id: item.id,
    status: item.status,
    statusNote: item.statusNote,
    measuredValue: item.measuredValue,
    statusAt: item.statusAt?.toISOString() ?? null,
    changedBy,
    version: item.version,
  };
}

