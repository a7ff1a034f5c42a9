import { describe, expect, it } from "vitest";
import type { ItemLiveState, PlanEventMessage, PlanEventPayload, PlanEventWire } from "@/lib/plan-state/events";
import { expandLiveEvent, liveFormOf, receiveLiveEvent, receiveLiveEvents } from "@/lib/plan-state/live-delta";
import { applyEvent, type PlanLiveState } from "@/lib/plan-state/live-state";

const AT = "2026-12-05T22:05:00.000Z";
const lee = { id: "u-lee", name: "Lee Lead" };

const pending: ItemLiveState = { id: "i1", status: "PENDING", statusNote: null, measuredValue: null, statusAt: null, changedBy: null, version: 3 };

const state: PlanLiveState = {
  planId: "p",
  seq: 7,
  loadedAt: "2026-12-05T20:00:00.000Z",
  status: "IN_PROGRESS",
  startedAt: "2026-12-05T22:00:00.000Z",
  finishedAt: null,
  rollbackReason: null,
  items: { i1: pending, i2: { ...pending, id: "i2", version: 0 } },
  comments: {},
  settings: { title: "Plan", allowSelfApproval: false, hideCommandsInShare: false, shareShowsDiscussion: false },
  gates: {},
  signatures: [],
  activity: [],
  window: { windowStart: null, timeZone: "UTC", expectedDurationMinutes: null, expectedDowntimeMinutes: null },
  downtime: [],
  downtimeMarkers: {},
  sectionVersions: {},
  itemSpans: {},
  checks: [],
  overrides: [],
  members: [{ userId: lee.id, name: lee.name, role: "LEAD", titles: [] }],
  planning: {},
};

/** The event the writer records for a tick of i1 from `before` to `after`. */
function recorded(after: Partial<ItemLiveState>, before: ItemLiveState = pending, extra: Partial<Extract<PlanEventPayload, { type: "item.changed" }>> = {}, seq = 8): PlanEventMessage {
  const item: ItemLiveState = { ...before, statusAt: AT, changedBy: lee.name, ...after, version: before.version + 1 };
  return { planId: "p", seq, at: AT, actor: lee, event: { type: "item.changed", item, previousStatus: before.status, ...extra } };
}

const bytes = (value: unknown) => JSON.stringify(value).length;

describe("liveFormOf (the server's delta)", () => {
  it("sends only what changed, the new version, and the actor's id when the members name them", () => {
    const message = recorded({ status: "DONE" });
    const live = liveFormOf(message, pending, true);
    expect(live).toEqual({ planId: "p", seq: 8, at: AT, actor: { id: lee.id }, event: { type: "item.delta", id: "i1", version: 4, status: "DONE" } });
    expect(bytes(live)).toBeLessThan(bytes(message) / 2 + 40);
  });

  it("says what a reset cleared, a note and a value that changed, and the name of an actor without a plan role", () => {
    const done: ItemLiveState = { ...pending, status: "SKIPPED", statusNote: "not needed", measuredValue: 4, statusAt: "2026-12-05T22:01:00.000Z", changedBy: "Eve", version: 5 };
    const reset = recorded({ status: "PENDING", statusNote: null, statusAt: null, changedBy: null }, done);
    expect(liveFormOf(reset, done, false)).toEqual({
      planId: "p",
      seq: 8,
      at: AT,
      actor: lee,
      event: { type: "item.delta", id: "i1", version: 6, status: "PENDING", statusNote: null, statusAt: null, changedBy: null },
    });
    expect(liveFormOf(recorded({ measuredValue: 2.5 }), pending, true).event).toEqual({ type: "item.delta", id: "i1", version: 4, measuredValue: 2.5 });
  });

  it("sends the whole event when it says more than a delta can: side effects, overrides, checks, and every other event", () => {
    expect(liveFormOf(recorded({ status: "DONE" }, pending, { staleSignatureIds: ["s1"] }), pending, true).event.type).toBe("item.changed");
    expect(liveFormOf(recorded({ status: "DONE" }, pending, { downtime: [] }), pending, true).event.type).toBe("item.changed");
    expect(liveFormOf(recorded({ status: "DONE" }, pending, { override: { reason: "hotfix", blockers: [] } }), pending, true).event.type).toBe("item.changed");
    const comment: PlanEventMessage = { planId: "p", seq: 8, at: AT, actor: lee, event: { type: "comment.added", comment: { id: "c", itemId: "i1", body: "hi", author: lee.name, at: AT } } };
    expect(liveFormOf(comment, pending, true)).toBe(comment);
  });
});

describe("receiveLiveEvent (the client's apply)", () => {
  it("applies a delta on the right base exactly as the recorded event would", () => {
    const message = recorded({ status: "DONE" });
    const receipt = receiveLiveEvent(state, liveFormOf(message, pending, true));
    expect(receipt).toEqual({ outcome: "applied", state: applyEvent(state, message), message });
  });

  it("asks for a resync when it does not hold the base: another version, a missing item, an actor it cannot name", () => {
    const live = liveFormOf(recorded({ status: "DONE" }), pending, true);
    expect(receiveLiveEvent({ ...state, items: { ...state.items, i1: { ...pending, version: 2 } } }, live)).toEqual({ outcome: "resync" });
    expect(receiveLiveEvent({ ...state, items: {} }, live)).toEqual({ outcome: "resync" });
    expect(receiveLiveEvent({ ...state, members: [] }, live)).toEqual({ outcome: "resync" });
    expect(expandLiveEvent({ items: {}, members: [] }, live)).toBeNull();
  });

  it("asks for a resync after a gap, and ignores what it has seen", () => {
    expect(receiveLiveEvent(state, liveFormOf(recorded({ status: "DONE" }, pending, {}, 9), pending, true))).toEqual({ outcome: "resync" });
    expect(receiveLiveEvent(state, liveFormOf(recorded({ status: "DONE" }, pending, {}, 7), pending, true))).toEqual({ outcome: "duplicate" });
  });

  it("changes nothing when the same delta arrives twice", () => {
    const live: PlanEventWire = liveFormOf(recorded({ status: "DONE" }), pending, true);
    const once = receiveLiveEvents(state, [live]);
    const twice = receiveLiveEvents(state, [live, live]);
    expect(twice).toEqual(once);
    expect(twice.state.items.i1).toMatchObject({ status: "DONE", version: 4, changedBy: lee.name, statusAt: AT });
  });

  it("passes whole events through, and follows a run of deltas on the same item", () => {
    const first = recorded({ status: "FAILED", statusNote: "red" });
    const second = recorded({ status: "DONE", statusNote: null }, first.event.type === "item.changed" ? first.event.item : pending, {}, 9);
    const { state: after, resync } = receiveLiveEvents(state, [liveFormOf(first, pending, true), second]);
    expect(resync).toBe(false);
    expect(after.items.i1).toEqual({ id: "i1", status: "DONE", statusNote: null, measuredValue: null, statusAt: AT, changedBy: lee.name, version: 5 });
    expect(after.activity.map((entry) => entry.event.type)).toEqual(["item.changed", "item.changed"]);
  });
});
