import { commentAsText } from "@/lib/mentions/mention-syntax";
import type { GateOverrideRecord } from "@/lib/signoffs/gate-blocks";
import type { CheckLiveState, CommentLiveState, ItemLiveState, PlanEventMessage, PlanEventPayload, PlanSettings } from "@/lib/plan-state/events";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";
import type { SignatureLiveState } from "@/lib/signoffs/gate-rules";
import { redactStructureEventForShare } from "@/lib/share/redact-structure-for-share";

/**
 * What a read-only share link shows, in one place: the snapshot, the page's first render,
 * catch-up events and the live stream all pass through here, so the link cannot show more
 * in one of them than in the others.
 *
 * Always sent: progress and status, the current phase, item text and state (status, when,
 * measured value, version), gates, their configuration and signatures with the signer's name
 * (a sign-off is a public statement), the window, downtime and monitoring checks (label,
 * due, state), and commands unless the lead hid them.
 * Structural edits (lib/share/redact-structure-for-share.ts) come with titles, step text and
 * state, never step notes or owners, so the visitor's checklist follows the plan's shape.
 * Sent only when the lead turned on "Share links show discussion": comments, skip, failure
 * and check notes, signature comments and decision rationale, rollback reasons and triggers,
 * who ticked what (event actors, `changedBy`, `doneBy`) and membership changes.
 * Never sent: share-link ids, and the names of who is watching (share visitors get a count).
 *
 * Values are rebuilt field by field from what is allowed, never copied and pruned, so a field
 * added to an event later stays out of share links until it is added here.
 */
export interface SharePolicy {
  showDiscussion: boolean;
  hideCommands: boolean;
}

export function sharePolicyOf(settings: Pick<PlanSettings, "shareShowsDiscussion" | "hideCommandsInShare">): SharePolicy {
  return { showDiscussion: settings.shareShowsDiscussion, hideCommands: settings.hideCommandsInShare };
}

/**
 * Stands in for an event a share link may not see. The sequence number stays, so the
 * visitor's page sees no gap (and does not ask again for what it will never get).
 */
export const WITHHELD = "withheld" as const;

/** The event as a share visitor receives it. */
export function redactEventForShare(message: PlanEventMessage, policy: SharePolicy): PlanEventMessage {
  const event = redactPayload(message.event, policy);
  return {
    planId: message.planId,
    seq: message.seq,
    at: message.at,
    actor: policy.showDiscussion && message.actor && event.type !== WITHHELD ? { id: message.actor.id, name: message.actor.name } : null,
    event,
  };
}

/** The snapshot a share visitor starts from (page render and GET /api/share/:token/live). */
export function redactStateForShare(state: PlanLiveState, policy: SharePolicy = sharePolicyOf(state.settings)): PlanLiveState {
  const discussion = policy.showDiscussion;
  return {
    planId: state.planId,
    seq: state.seq,
    loadedAt: state.loadedAt,
    status: state.status,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    rollbackReason: discussion ? state.rollbackReason : null,
    items: Object.fromEntries(Object.entries(state.items).map(([id, item]) => [id, shareItem(item, policy)])),
    comments: discussion ? Object.fromEntries(Object.entries(state.comments).map(([itemId, comments]) => [itemId, comments.map(shareComment)])) : {},
    settings: shareSettings(state.settings),
    gates: Object.fromEntries(
      Object.entries(state.gates).map(([id, gate]) => [id, { requiredItemIds: [...gate.requiredItemIds], ...(gate.blocks ? { blocks: gate.blocks } : {}), quorums: gate.quorums.map((entry) => ({ title: entry.title, quorum: entry.quorum })) }]),
    ),
    signatures: state.signatures.map((signature) => shareSignature(signature, policy)),
    // The feed only lists what may be shown; withheld entries would read "Someone changed the plan".
    activity: state.activity.map((message) => redactEventForShare(message, policy)).filter((message) => message.event.type !== WITHHELD),
    window: { ...state.window },
    downtime: state.downtime.map((period) => ({ id: period.id, startedAt: period.startedAt, endedAt: period.endedAt })),
    downtimeMarkers: { ...state.downtimeMarkers },
    // Only a lead edits the structure; a visitor has no use for the versions.
    sectionVersions: {},
    itemSpans: Object.fromEntries(Object.entries(state.itemSpans).map(([id, span]) => [id, { first: span.first, last: span.last }])),
    checks: state.checks.map((check) => shareCheck(check, policy)),
    overrides: state.overrides.map((override) => shareOverride(override, policy)),
    // Never the member list: it names who may be watching, and a share page has no buttons to pick with it.
    members: [],
    // Who owns which step names people, and the dependencies only serve those who tick.
    planning: {},
  };
}

/**
 * That the lead went ahead over a gate is part of the plan's status, so a visitor sees it;
 * the reason, who did it and what each gate lacked (names, rejection comments) are discussion.
 */
function shareOverride(override: GateOverrideRecord, policy: SharePolicy): GateOverrideRecord {
  const discussion = policy.showDiscussion;
  return {
    id: override.id,
    action: override.action,
    reason: discussion ? override.reason : "reason not shared",
    gates: override.gates.map((gate) => ({ gateId: gate.gateId, title: gate.title, missing: discussion ? [...gate.missing] : [] })),
    byName: discussion ? override.byName : "",
    at: override.at,
  };
}

/** The checklist's structure for a share page: document notes left out, commands when hidden. */
export function redactSectionsForShare(sections: readonly LiveSectionStructure[], policy: SharePolicy): LiveSectionStructure[] {
  return sections.map((section) => ({
    ...section,
    notes: "",
    // Tables, contacts (phone numbers), templates and sign-off blocks are internal to the team.
    content: [],
    commands: policy.hideCommands ? [] : section.commands,
    items: section.items.map((item) => ({ ...item, commands: policy.hideCommands ? [] : item.commands })),
  }));
}

/**
 * What a share visitor learns about who is watching: how many, never who. `people` are the
 * signed-in people on one app process, `visitors` that process's share-link sockets.
 */
export interface WatcherCount {
  planId: string;
  /** The app process that counted; a page adds up the latest count of each. */
  source: string;
  watching: number;
}

export function watcherCountForShare(planId: string, source: string, people: number, visitors: number): WatcherCount {
  return { planId, source, watching: people + visitors };
}

function redactPayload(event: PlanEventPayload, policy: SharePolicy): PlanEventPayload {
  const discussion = policy.showDiscussion;
  switch (event.type) {
    case "item.changed":
      return {
        type: event.type,
        item: shareItem(event.item, policy),
        previousStatus: event.previousStatus,
        ...(event.staleSignatureIds ? { staleSignatureIds: [...event.staleSignatureIds] } : {}),
        ...(event.downtime ? { downtime: event.downtime.map((period) => ({ id: period.id, startedAt: period.startedAt, endedAt: period.endedAt })) } : {}),
      };
    case "comment.added":
      return discussion ? { type: event.type, comment: shareComment(event.comment) } : { type: WITHHELD };
    case "plan.status":
      return {
        type: event.type,
        status: event.status,
        previousStatus: event.previousStatus,
        reason: discussion ? event.reason : null,
        trigger: discussion ? event.trigger : null,
        startedAt: event.startedAt,
        finishedAt: event.finishedAt,
        ...(event.checks ? { checks: event.checks.map((check) => shareCheck(check, policy)) } : {}),
        ...(event.override ? { override: shareOverride(event.override, policy) } : {}),
      };
    case "plan.edited":
      return { type: event.type, settings: shareSettings(event.settings) };
    case "gate.configured":
      return {
        type: event.type,
        gateId: event.gateId,
        config: { requiredItemIds: [...event.config.requiredItemIds], ...(event.config.blocks ? { blocks: event.config.blocks } : {}), quorums: event.config.quorums.map((entry) => ({ title: entry.title, quorum: entry.quorum })) },
      };
    case "gate.signed":
      return { type: event.type, signature: shareSignature(event.signature, policy), supersededId: event.supersededId };
    case "member.set":
      return discussion
        ? {
            type: event.type,
            member: { userId: event.member.userId, name: event.member.name, role: event.member.role, titles: [...event.member.titles] },
            previousRole: event.previousRole,
          }
        : { type: WITHHELD };
    case "member.removed":
      return discussion ? { type: event.type, userId: event.userId, name: event.name } : { type: WITHHELD };
    case "share.created":
    case "share.revoked":
      return { type: WITHHELD };
    case "plan.window":
      return { type: event.type, window: { ...event.window } };
    case "downtime.changed":
      return { type: event.type, action: event.action, periods: event.periods.map((period) => ({ id: period.id, startedAt: period.startedAt, endedAt: period.endedAt })) };
    case "item.flagged":
      return { type: event.type, itemId: event.itemId, downtimeMarker: event.downtimeMarker };
    case "check.changed":
      return { type: event.type, check: shareCheck(event.check, policy) };
    case "status-update.posted":
      // Updates are written for stakeholders: a share link shows them whole.
      return { type: event.type, text: event.text, messageName: event.messageName };
    case "section.added":
    case "section.edited":
    case "section.moved":
    case "section.removed":
    case "item.added":
    case "item.edited":
    case "item.moved":
    case "item.removed":
      return redactStructureEventForShare(event, policy);
    case WITHHELD:
      return { type: WITHHELD };
  }
  // An event type this module does not know yet is not shown until someone decides what of it may be.
  return { type: WITHHELD };
}

function shareItem(item: ItemLiveState, policy: SharePolicy): ItemLiveState {
  return {
    id: item.id,
    status: item.status,
    statusNote: policy.showDiscussion ? item.statusNote : null,
    measuredValue: item.measuredValue,
    statusAt: item.statusAt,
    changedBy: policy.showDiscussion ? item.changedBy : null,
    version: item.version,
  };
}

/** Mentions go out as "@Name": a share visitor sees no account ids. */
function shareComment(comment: CommentLiveState): CommentLiveState {
  return { id: comment.id, itemId: comment.itemId, body: commentAsText(comment.body), author: comment.author, at: comment.at };
}

function shareSignature(signature: SignatureLiveState, policy: SharePolicy): SignatureLiveState {
  return {
    id: signature.id,
    gateId: signature.gateId,
    title: signature.title,
    // The signer's name is part of the sign-off; their account id is not.
    userId: "",
    userName: signature.userName,
    decision: signature.decision,
    comment: policy.showDiscussion ? signature.comment : null,
    at: signature.at,
    stale: signature.stale,
    staleReason: signature.staleReason,
  };
}

function shareCheck(check: CheckLiveState, policy: SharePolicy): CheckLiveState {
  return {
    id: check.id,
    label: check.label,
    offsetMinutes: check.offsetMinutes,
    dueAt: check.dueAt,
    status: check.status,
    note: policy.showDiscussion ? check.note : null,
    doneAt: check.doneAt,
    doneBy: policy.showDiscussion ? check.doneBy : null,
  };
}

function shareSettings(settings: PlanSettings): PlanSettings {
  return {
    title: settings.title,
    allowSelfApproval: settings.allowSelfApproval,
    hideCommandsInShare: settings.hideCommandsInShare,
    shareShowsDiscussion: settings.shareShowsDiscussion,
  };
}
