import { describe, expect, it } from "vitest";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import { applyEvents, type PlanLiveState } from "@/lib/plan-state/live-state";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";
import { redactEventForShare, redactSectionsForShare, redactStateForShare, watcherCountForShare, WITHHELD, type SharePolicy } from "@/lib/share/redact-for-share";

const QUIET: SharePolicy = { showDiscussion: false, hideCommands: true };
const OPEN: SharePolicy = { showDiscussion: true, hideCommands: false };
const SECRET = "SECRET";

const at = "2026-12-03T10:00:00.000Z";
const message = (seq: number, event: PlanEventPayload): PlanEventMessage => ({ planId: "p1", seq, at, actor: { id: "u-lee", name: `Lee ${SECRET}` }, event });
const item = (status: "DONE" | "SKIPPED" | "FAILED", version: number) => ({
  id: "i1",
  status,
  statusNote: `note ${SECRET}`,
  measuredValue: 42,
  statusAt: at,
  changedBy: `Lee ${SECRET}`,
  version,
});
const signature = {
  id: "s1",
  gateId: "g1",
  title: "QA Lead",
  userId: "u-qa",
  userName: "Quinn QA",
  decision: "APPROVE" as const,
  comment: `comment ${SECRET}`,
  at,
  stale: false,
  staleReason: null,
};
const check = { id: "c1", label: "Error rates", offsetMinutes: 60, dueAt: at, status: "DONE" as const, note: `check ${SECRET}`, doneAt: at, doneBy: `Lee ${SECRET}` };

/** One of every event kind, each carrying the secret wherever it has free text or a name. */
const EVERY_EVENT: PlanEventMessage[] = [
  message(1, { type: "item.changed", item: item("SKIPPED", 1), previousStatus: "PENDING", staleSignatureIds: ["s0"] }),
  message(2, { type: "comment.added", comment: { id: "k1", itemId: "i1", body: `body ${SECRET}`, author: `Ann ${SECRET}`, at } }),
  message(3, { type: "plan.status", status: "ROLLING_BACK", previousStatus: "IN_PROGRESS", reason: `reason ${SECRET}`, trigger: `trigger ${SECRET}`, startedAt: at, finishedAt: null }),
  message(4, { type: "plan.edited", settings: { title: "Plan", allowSelfApproval: false, hideCommandsInShare: true, shareShowsDiscussion: false } }),
  message(5, { type: "gate.configured", gateId: "g1", config: { requiredItemIds: ["i1"], quorums: [{ title: "QA Lead", quorum: 2 }] } }),
  message(6, { type: "gate.signed", signature, supersededId: null }),
  message(7, { type: "member.set", member: { userId: "u-ann", name: `Ann ${SECRET}`, role: "EXECUTOR", titles: [] }, previousRole: null }),
  message(8, { type: "member.removed", userId: "u-ann", name: `Ann ${SECRET}` }),
  message(9, { type: "share.created", linkId: `link ${SECRET}` }),
  message(10, { type: "share.revoked", linkId: `link ${SECRET}` }),
  message(11, { type: "plan.window", window: { windowStart: at, timeZone: "UTC", expectedDurationMinutes: 60, expectedDowntimeMinutes: null } }),
  message(12, { type: "downtime.changed", action: "started", periods: [{ id: "d1", startedAt: at, endedAt: null }] }),
  message(13, { type: "item.flagged", itemId: "i1", downtimeMarker: "START" }),
  message(14, { type: "check.changed", check }),
];

const initial: PlanLiveState = {
  planId: "p1",
  seq: 0,
  loadedAt: at,
  status: "IN_PROGRESS",
  startedAt: at,
  finishedAt: null,
  rollbackReason: null,
  items: { i1: { ...item("DONE", 0), status: "PENDING", statusNote: null, changedBy: null } },
  comments: {},
  settings: { title: "Plan", allowSelfApproval: false, hideCommandsInShare: true, shareShowsDiscussion: false },
  gates: {},
  signatures: [],
  activity: [],
  window: { windowStart: null, timeZone: "UTC", expectedDurationMinutes: null, expectedDowntimeMinutes: null },
  downtime: [],
  downtimeMarkers: {},
  sectionVersions: {},
  itemSpans: {},
  checks: [{ ...check, status: "PENDING", note: null, doneAt: null, doneBy: null }],
  overrides: [],
  members: [],
  planning: {},
};

describe("redactEventForShare", () => {
  it("without discussion, carries no comment, note, reason, member or actor, and keeps every sequence number", () => {
    const redacted = EVERY_EVENT.map((event) => redactEventForShare(event, QUIET));
    expect(JSON.stringify(redacted)).not.toContain(SECRET);
    expect(redacted.map((event) => event.seq)).toEqual(EVERY_EVENT.map((event) => event.seq));
    expect(redacted.every((event) => event.actor === null)).toBe(true);
    expect(redacted.filter((event) => event.event.type === WITHHELD).map((event) => event.seq)).toEqual([2, 7, 8, 9, 10]);
  });

  it("keeps what the allow-list shares: item state, gate state with the signer's name, the window and downtime", () => {
    const [changed, , status, , configured, signed] = EVERY_EVENT.map((event) => redactEventForShare(event, QUIET));
    expect(changed!.event).toEqual({
      type: "item.changed",
      item: { id: "i1", status: "SKIPPED", statusNote: null, measuredValue: 42, statusAt: at, changedBy: null, version: 1 },
      previousStatus: "PENDING",
      staleSignatureIds: ["s0"],
    });
    expect(status!.event).toMatchObject({ status: "ROLLING_BACK", reason: null, trigger: null, startedAt: at });
    expect(configured!.event).toEqual(EVERY_EVENT[4]!.event);
    expect(signed!.event).toEqual({ type: "gate.signed", signature: { ...signature, userId: "", comment: null }, supersededId: null });
  });

  it("with discussion on, carries comments, notes, reasons, members and who did it, but never share-link ids", () => {
    const redacted = EVERY_EVENT.map((event) => redactEventForShare(event, OPEN));
    expect(redacted[1]!.event).toEqual(EVERY_EVENT[1]!.event);
    expect(redacted[0]!.event).toMatchObject({ item: { statusNote: `note ${SECRET}`, changedBy: `Lee ${SECRET}` } });
    expect(redacted[2]!.event).toMatchObject({ reason: `reason ${SECRET}`, trigger: `trigger ${SECRET}` });
    expect(redacted[5]!.event).toMatchObject({ signature: { comment: `comment ${SECRET}`, userId: "" } });
    expect(redacted[6]!.event).toEqual(EVERY_EVENT[6]!.event);
    expect(redacted[13]!.event).toEqual(EVERY_EVENT[13]!.event);
    expect(redacted[0]!.actor).toEqual({ id: "u-lee", name: `Lee ${SECRET}` });
    expect(redacted.filter((event) => event.event.type === WITHHELD).map((event) => event.seq)).toEqual([9, 10]);
    expect(JSON.stringify(redacted.slice(8, 10))).not.toContain(SECRET);
  });

  it("shows a comment's mentions as @Name, without the account id", () => {
    const mention = message(2, { type: "comment.added", comment: { id: "k2", itemId: "i1", body: "ask @[Ann Lee](u-ann-secret-id) first", author: "Lee", at } });
    expect(redactEventForShare(mention, OPEN).event).toMatchObject({ comment: { body: "ask @Ann Lee first" } });
  });

  it("withholds an event kind it does not know, rather than passing it on", () => {
    const unknown = { ...message(1, EVERY_EVENT[0]!.event), event: { type: "future.kind", secret: SECRET } } as unknown as PlanEventMessage;
    expect(redactEventForShare(unknown, OPEN)).toEqual({ planId: "p1", seq: 1, at, actor: null, event: { type: WITHHELD } });
  });

  it("copies nothing it was not told to: a field added to an event later stays out", () => {
    const extended = message(1, { ...EVERY_EVENT[0]!.event, extra: "ADDED-LATER" } as unknown as PlanEventPayload);
    expect(JSON.stringify(redactEventForShare(extended, OPEN))).not.toContain("ADDED-LATER");
  });
});

describe("redactStateForShare", () => {
  const full = applyEvents(initial, EVERY_EVENT).state;

  it("leaves comments, notes, reasons and names out of the snapshot, and withheld events out of its feed", () => {
    expect(full.comments.i1).toHaveLength(1);
    const shared = redactStateForShare(full, QUIET);
    expect(JSON.stringify(shared)).not.toContain(SECRET);
    expect(shared.comments).toEqual({});
    expect(shared.rollbackReason).toBeNull();
    expect(shared.seq).toBe(full.seq);
    expect(shared.activity.map((entry) => entry.seq)).toEqual([14, 13, 12, 11, 6, 5, 4, 3, 1]);
    expect(shared.signatures).toEqual([{ ...signature, userId: "", comment: null }]);
  });

  it("takes the policy from the plan's settings when none is given", () => {
    expect(redactStateForShare({ ...full, settings: { ...full.settings, shareShowsDiscussion: true } }).comments).toEqual(full.comments);
    expect(JSON.stringify(redactStateForShare(full))).not.toContain(SECRET);
  });

  it("agrees with the stream: a visitor who applies redacted events reaches the redacted state of the plan", () => {
    for (const policy of [QUIET, OPEN]) {
      const viaStream = applyEvents(redactStateForShare(initial, policy), EVERY_EVENT.map((event) => redactEventForShare(event, policy)));
      expect(viaStream.gap).toBe(false);
      // The snapshot never lists members; with discussion on, membership events still reach the visitor's feed.
      const { activity: streamed, members: _streamedMembers, ...streamState } = viaStream.state;
      const { activity: snapshot, members: snapshotMembers, ...snapshotState } = redactStateForShare(full, policy);
      expect(snapshotMembers).toEqual([]);
      expect(streamState).toEqual(snapshotState);
      expect(streamed.filter((entry) => entry.event.type !== WITHHELD)).toEqual(snapshot);
    }
  });
});

describe("redactSectionsForShare", () => {
  const command = { language: "bash", code: "kubectl rollout status deploy/api" };
  const section: LiveSectionStructure = {
    id: "s1",
    parentId: null,
    documentKey: "s1",
    title: "Deployment",
    level: 2,
    offsetLabel: null,
    isRollback: false,
    notes: "internal notes of the document",
    commands: [command],
    content: [{ kind: "contacts", rows: [{ role: "On-call SRE", name: "Sam Lee", phone: "+1 555 0100", extra: [] }] }],
    items: [{ id: "i1", documentKey: "s1:i1", text: "Roll out", required: true, critical: false, assigneeRole: null, depth: 0, commands: [command], metric: null }],
  };

  it("keeps commands unless hidden, and never the document's section notes or tables", () => {
    const shown = redactSectionsForShare([section], OPEN)[0]!;
    expect(shown.items[0]!.commands).toEqual([command]);
    expect(shown.notes).toBe("");
    expect(shown.content).toEqual([]);
    const hidden = redactSectionsForShare([section], QUIET)[0]!;
    expect(hidden.commands).toEqual([]);
    expect(hidden.items[0]!.commands).toEqual([]);
    expect(hidden.items[0]!.text).toBe("Roll out");
  });
});

describe("watcherCountForShare", () => {
  it("is a number per process, without names", () => {
    expect(watcherCountForShare("p1", "process-a", 3, 2)).toEqual({ planId: "p1", source: "process-a", watching: 5 });
  });
});
