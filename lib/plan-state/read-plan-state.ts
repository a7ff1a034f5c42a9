import { db } from "@/lib/db";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import { liveItem } from "@/lib/plan-state/apply-plan-change";
import { ACTIVITY_LENGTH, type PlanLiveState } from "@/lib/plan-state/live-state";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import { checkLiveState, downtimePeriods, windowLiveState, windowSelect } from "@/lib/plan-state/write-time";
import { readItemPlanning } from "@/lib/planning/read-item-planning";
import { loadItemSpans } from "@/lib/timeline/timeline-source";
import { loadGateOverrides } from "@/lib/signoffs/read-overrides";
import { liveConfigOf, loadGateConfigs, loadSignaturesInForce } from "@/lib/signoffs/read-signoffs";

/** Past this many missed events a client reloads the snapshot instead of replaying them. */
export const MAX_CATCH_UP_EVENTS = 500;

type EventRow = { planId: string; seq: number; createdAt: Date; payload: unknown };

function toMessage(row: EventRow): PlanEventMessage {
  const payload = row.payload as { actor: PlanEventMessage["actor"]; event: PlanEventPayload };
  return { planId: row.planId, seq: row.seq, at: row.createdAt.toISOString(), actor: payload.actor, event: payload.event };
}

/** The events after `afterSeq`, in order; null when there are more than a client should replay. */
export async function eventsAfter(planId: string, afterSeq: number): Promise<PlanEventMessage[] | null> {
  const rows = await db().planEvent.findMany({
    where: { planId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: MAX_CATCH_UP_EVENTS + 1,
    select: { planId: true, seq: true, createdAt: true, payload: true },
  });
  return rows.length > MAX_CATCH_UP_EVENTS ? null : rows.map(toMessage);
}

/** One page of the plan's events after `afterSeq`, in order, for the HTTP API; `nextCursor` continues it (null at the end). */
export async function eventsPage(planId: string, afterSeq: number, limit: number): Promise<{ items: PlanEventMessage[]; nextCursor: string | null }> {
  const rows = await db().planEvent.findMany({
    where: { planId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit + 1,
    select: { planId: true, seq: true, createdAt: true, payload: true },
  });
  const items = rows.slice(0, limit).map(toMessage);
  return { items, nextCursor: rows.length > limit ? String(items.at(-1)!.seq) : null };
}

/** Each plan's latest sequence number, for the rooms' heartbeat; one query for every watched plan. */
export async function latestSequenceNumbers(planIds: readonly string[]): Promise<{ planId: string; seq: number }[]> {
  if (!planIds.length) return [];
  const plans = await db().plan.findMany({ where: { id: { in: [...planIds] } }, select: { id: true, lastSeq: true } });
  return plans.map((plan) => ({ planId: plan.id, seq: plan.lastSeq }));
}

/**
 * A consistent snapshot of the plan's live state and the sequence number it corresponds to:
 * read in one repeatable-read transaction, so no event can fall between the two.
 */
export async function loadLiveState(planId: string): Promise<PlanLiveState | null> {
  return db().$transaction(
    async (tx) => {
      const plan = await tx.plan.findUnique({
        where: { id: planId },
        select: {
          id: true,
          title: true,
          status: true,
          lastSeq: true,
          startedAt: true,
          finishedAt: true,
          rollbackReason: true,
          allowSelfApproval: true,
          hideCommandsInShare: true,
          shareShowsDiscussion: true,
          ...windowSelect,
        },
      });
      if (!plan) return null;
      const [items, comments, events, gates, signatures, downtime, spans, checks, overrides, members, planning, sections] = await Promise.all([
        tx.planItem.findMany({ where: { planId }, include: { statusBy: { select: { name: true } } } }),
        tx.planComment.findMany({ where: { planId }, orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } }),
        tx.planEvent.findMany({
          where: { planId },
          orderBy: { seq: "desc" },
          take: ACTIVITY_LENGTH,
          select: { planId: true, seq: true, createdAt: true, payload: true },
        }),
        loadGateConfigs(tx, planId),
        loadSignaturesInForce(tx, planId),
        downtimePeriods(tx, planId),
        loadItemSpans(tx, planId),
        tx.monitoringCheck.findMany({ where: { planId }, orderBy: { position: "asc" }, include: { doneBy: { select: { name: true } } } }),
        loadGateOverrides(tx, planId),
        tx.planMember.findMany({ where: { planId }, orderBy: { createdAt: "asc" }, select: { userId: true, role: true, titles: true, user: { select: { name: true } } } }),
        readItemPlanning(tx, planId),
        tx.planSection.findMany({ where: { planId }, select: { id: true, version: true } }),
      ]);
      const commentsByItem: PlanLiveState["comments"] = {};
      for (const comment of comments) {
        (commentsByItem[comment.itemId] ??= []).push({
          id: comment.id,
          itemId: comment.itemId,
          body: comment.body,
          author: comment.author.name,
          at: comment.createdAt.toISOString(),
        });
      }
      return {
        planId,
        seq: plan.lastSeq,
        loadedAt: new Date().toISOString(),
        status: plan.status as PlanStatusName,
        startedAt: plan.startedAt?.toISOString() ?? null,
        finishedAt: plan.finishedAt?.toISOString() ?? null,
        rollbackReason: plan.rollbackReason,
        items: Object.fromEntries(items.map((item) => [item.id, liveItem(item, item.statusBy?.name ?? item.statusByName)])),
        comments: commentsByItem,
        settings: { title: plan.title, allowSelfApproval: plan.allowSelfApproval, hideCommandsInShare: plan.hideCommandsInShare, shareShowsDiscussion: plan.shareShowsDiscussion },
        gates: Object.fromEntries(gates.map((gate) => [gate.id, liveConfigOf(gate)])),
        signatures,
        activity: events.map(toMessage),
        window: windowLiveState(plan),
        downtime,
        downtimeMarkers: Object.fromEntries(items.flatMap((item) => (item.downtimeMarker ? [[item.id, item.downtimeMarker]] : []))),
        itemSpans: Object.fromEntries(Object.entries(spans).map(([id, span]) => [id, { first: new Date(span.first).toISOString(), last: new Date(span.last).toISOString() }])),
        checks: checks.map(checkLiveState),
        overrides,
        members: members.map((member) => ({ userId: member.userId, name: member.user.name, role: member.role as PlanRoleName, titles: [...member.titles] })),
        planning,
        sectionVersions: Object.fromEntries(sections.map((section) => [section.id, section.version])),
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
