import { describe, expect, it } from "vitest";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import { applyEvent, type PlanLiveState } from "@/lib/plan-state/live-state";

const state: PlanLiveState = {
  planId: "p",
  seq: 0,
  loadedAt: "2026-12-05T20:00:00.000Z",
  status: "IN_PROGRESS",
  startedAt: "2026-12-05T22:00:00.000Z",
  finishedAt: null,
  rollbackReason: null,
  items: {},
  comments: {},
  settings: { title: "Plan", allowSelfApproval: false, hideCommandsInShare: false, shareShowsDiscussion: false },
  gates: {},
  signatures: [],
  activity: [],
  window: { windowStart: null, timeZone: "UTC", expectedDurationMinutes: null, expectedDowntimeMinutes: null },
  downtime: [],
  downtimeMarkers: { a: "START", b: "END" },
  sectionVersions: {},
  itemSpans: {},
  checks: [],
  overrides: [],
  members: [],
  planning: {},
};

const message = (seq: number, at: string, event: PlanEventPayload): PlanEventMessage => ({ planId: "p", seq, at, actor: null, event });

describe("applyEvent, time", () => {
  it("moves a downtime flag to the item named, and clears it", () => {
    const moved = applyEvent(state, message(1, state.loadedAt, { type: "item.flagged", itemId: "c", downtimeMarker: "START" }));
    expect(moved.downtimeMarkers).toEqual({ b: "END", c: "START" });
    const cleared = applyEvent(moved, message(2, state.loadedAt, { type: "item.flagged", itemId: "b", downtimeMarker: null }));
    expect(cleared.downtimeMarkers).toEqual({ c: "START" });
  });

  it("keeps each item's first and last change, and the downtime a tick started", () => {
    const item = (version: number) => ({ id: "a", status: "DONE" as const, statusNote: null, measuredValue: null, statusAt: null, changedBy: "Lee", version });
    const periods = [{ id: "d", startedAt: "2026-12-05T22:02:00.000Z", endedAt: null }];
    const first = applyEvent(state, message(1, "2026-12-05T22:02:00.000Z", { type: "item.changed", item: item(1), previousStatus: "PENDING", downtime: periods }));
    const second = applyEvent(first, message(2, "2026-12-05T22:09:00.000Z", { type: "item.changed", item: item(2), previousStatus: "DONE" }));
    expect(second.itemSpans.a).toEqual({ first: "2026-12-05T22:02:00.000Z", last: "2026-12-05T22:09:00.000Z" });
    expect(second.downtime).toEqual(periods);
  });
});

describe("applyEvent, members", () => {
  const lee = { userId: "u-lee", name: "Lee", role: "LEAD" as const, titles: [] };
  const quinn = { userId: "u-quinn", name: "Quinn", role: "APPROVER" as const, titles: ["QA Lead"] };
  const withMembers = { ...state, members: [quinn, lee] };

  it("changes a member's titles in place, so a page loses the buttons of a title taken away", () => {
    const next = applyEvent(withMembers, message(1, state.loadedAt, { type: "member.set", member: { ...quinn, titles: [] }, previousRole: "APPROVER" }));
    expect(next.members).toEqual([{ ...quinn, titles: [] }, lee]);
  });

  it("adds a new member at the end and drops a removed one", () => {
    const sam = { userId: "u-sam", name: "Sam", role: "VIEWER" as const, titles: [] };
    const added = applyEvent(withMembers, message(1, state.loadedAt, { type: "member.set", member: sam, previousRole: null }));
    expect(added.members.map((member) => member.userId)).toEqual(["u-quinn", "u-lee", "u-sam"]);
    const removed = applyEvent(added, message(2, state.loadedAt, { type: "member.removed", userId: "u-quinn", name: "Quinn" }));
    expect(removed.members.map((member) => member.userId)).toEqual(["u-lee", "u-sam"]);
  });
});

describe("applyEvent, structural edits", () => {
  const snapshot = (id: string, version: number, text = id) => ({
    id,
    documentKey: id,
    sectionId: "s",
    parentItemId: null,
    afterItemId: null,
    text,
    notes: null,
    commands: [],
    required: true,
    critical: false,
    metric: null,
    status: "PENDING" as const,
    addedDuringRun: true,
    version,
  });
  const section = { id: "s", documentKey: "s", parentSectionId: null, afterSectionId: null, title: "Deploy", level: 2, plannedMinutes: null, isRollback: false, version: 1 };
  const ticked = { id: "a", status: "DONE" as const, statusNote: null, measuredValue: null, statusAt: "2026-12-05T22:02:00.000Z", changedBy: "Lee", version: 1 };
  const signature = { id: "sig", gateId: "g", title: "QA Lead", userId: "u", userName: "Quinn", decision: "APPROVE" as const, comment: null, at: state.loadedAt, stale: false, staleReason: null };

  it("adds a step as pending, moves versions on edits without touching the run state, and drops removed steps", () => {
    const added = applyEvent({ ...state, items: { a: ticked } }, message(1, state.loadedAt, { type: "item.added", item: snapshot("n", 0) }));
    expect(added.items.n).toEqual({ id: "n", status: "PENDING", statusNote: null, measuredValue: null, statusAt: null, changedBy: null, version: 0 });
    const moved = applyEvent(added, message(2, state.loadedAt, { type: "item.moved", before: snapshot("a", 1), item: { ...snapshot("a", 2), status: "DONE" } }));
    expect(moved.items.a).toEqual({ ...ticked, version: 2 });
    const removed = applyEvent(moved, message(3, state.loadedAt, { type: "item.removed", before: snapshot("n", 0), removed: { sections: [], items: [snapshot("n", 0)], documentSections: [], documentItems: [] } }));
    expect(Object.keys(removed.items)).toEqual(["a"]);
  });

  it("keeps section versions and marks signatures stale that a reworded step made stale", () => {
    const edited = applyEvent({ ...state, signatures: [signature], sectionVersions: { s: 0 } }, message(1, state.loadedAt, { type: "section.edited", before: { ...section, version: 0 }, section }));
    expect(edited.sectionVersions).toEqual({ s: 1 });
    const reworded = applyEvent(edited, message(2, state.loadedAt, { type: "item.edited", before: snapshot("a", 0, "Backup"), item: snapshot("a", 1, "Backup verified"), staleSignatureIds: ["sig"] }));
    expect(reworded.signatures).toEqual([{ ...signature, stale: true, staleReason: "“Backup” was edited after this was signed." }]);
    const gone = applyEvent(reworded, message(3, state.loadedAt, { type: "section.removed", before: section, removed: { sections: [section], items: [snapshot("a", 1)], documentSections: [], documentItems: [] } }));
    expect(gone.sectionVersions).toEqual({});
    expect(gone.items).toEqual({});
  });
});

describe("applyEvent, document parts", () => {
  it("keeps a gate's new quorums from its edit, and moves on without other state for a table edit", () => {
    const gate = { title: "Sign-off", decisionMaker: null, roles: [{ title: "QA Lead", quorum: 1 }] };
    const config = { requiredItemIds: [], blocks: "START" as const, quorums: [{ title: "QA Lead", quorum: 2 }] };
    const edited = applyEvent(state, message(1, state.loadedAt, { type: "gate.edited", gateId: "g1", before: gate, gate: { ...gate, roles: [{ title: "QA Lead", quorum: 2 }] }, config }));
    expect(edited.gates).toEqual({ g1: config });
    const table = applyEvent(edited, message(2, state.loadedAt, { type: "table.edited", tableId: "t1", kind: "contacts", before: { header: [], rows: [] }, table: { header: [], rows: [] } }));
    expect(table.seq).toBe(2);
    expect(table.gates).toBe(edited.gates);
  });

  it("keeps an added gate's configuration, and forgets a removed gate with its signatures", () => {
    const gate = { title: "Release approval", decisionMaker: null, roles: [{ title: "QA Lead", quorum: 1 }] };
    const config = { requiredItemIds: [], blocks: "COMPLETE" as const, quorums: [{ title: "QA Lead", quorum: 1 }] };
    const stale = (id: string, gateId: string) => ({ id, gateId, title: "QA Lead", userId: "u", userName: "Uma", decision: "APPROVE" as const, comment: null, at: state.loadedAt, stale: true, staleReason: "Changed" });
    const signed = { ...state, signatures: [stale("s1", "g1"), stale("s9", "g9")] };
    const added = applyEvent(signed, message(1, state.loadedAt, { type: "gate.added", gateId: "g9", gate, config }));
    expect(added.gates).toEqual({ g9: config });
    const entry = { id: "k9", sectionId: null, kind: "sign-off" as const, decisionOptions: [], roles: [] };
    const removed = applyEvent(added, message(2, state.loadedAt, {
      type: "gate.removed",
      gateId: "g9",
      before: gate,
      index: 0,
      removed: { entry, row: { documentKey: "k9", position: 3, kind: "CUSTOM", blocks: "COMPLETE", requiredItemIds: [] } },
    }));
    expect(removed.gates).toEqual({});
    expect(removed.signatures.map((signature) => signature.id)).toEqual(["s1"]);
  });
});
