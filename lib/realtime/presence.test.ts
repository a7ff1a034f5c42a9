import { describe, expect, it } from "vitest";
import { applyPresenceDelta, mergedPresence, presenceDelta, presenceOf, PRESENCE_EXPIRY_MS, withPresenceMessage, type PresenceBySource } from "@/lib/realtime/presence";
import type { PresenceMessage } from "@/lib/realtime/socket-contract";

const lee = { actor: { id: "u1", name: "Lee" }, role: "LEAD" };
const LEE = { userId: "u1", name: "Lee", role: "LEAD", idle: false };
const VIC = { userId: "u2", name: "Vic", role: "VIEWER", idle: false };
const EVE = { userId: "u3", name: "Eve", role: "EXECUTOR", idle: false };

/** Applies messages in order; returns the state and which of them asked for a resync. */
function receive(messages: PresenceMessage[], start: PresenceBySource = {}, now = 0) {
  let state = start;
  const resyncs: number[] = [];
  messages.forEach((message, index) => {
    const next = withPresenceMessage(state, message, now);
    state = next.state;
    if (next.resync) resyncs.push(index);
  });
  return { state, resyncs };
}

describe("presence", () => {
  it("counts a person once per process, active if any tab is, and share visitors as one entry", () => {
    expect(presenceOf([{ ...lee, idle: true }, { ...lee, idle: false }, { actor: null, role: "VIEWER", idle: false }, { actor: null, role: "VIEWER", idle: true }])).toEqual([
      { userId: "u1", name: "Lee", role: "LEAD", idle: false },
      { userId: "share-link", name: "Share-link visitors", role: "VIEWER", idle: false },
    ]);
  });

  it("a delta names who came, who changed and who left, and nothing when no one did", () => {
    expect(presenceDelta([LEE, VIC], [{ ...LEE, idle: true }, EVE])).toEqual({ upserted: [{ ...LEE, idle: true }, EVE], left: ["u2"] });
    expect(presenceDelta([LEE], [{ ...LEE, role: "EXECUTOR" }])).toEqual({ upserted: [{ ...LEE, role: "EXECUTOR" }], left: [] });
    expect(presenceDelta([LEE, VIC], [VIC, LEE])).toBeNull();
    expect(presenceDelta([], [])).toBeNull();
  });

  it("applying a delta gives the list it was computed from", () => {
    const before = [LEE, VIC];
    const after = [{ ...VIC, idle: true }, EVE];
    const delta = presenceDelta(before, after)!;
    expect(applyPresenceDelta(before, delta)).toEqual(expect.arrayContaining(after));
    expect(applyPresenceDelta(before, delta)).toHaveLength(after.length);
  });

  it("builds each process's list from a full list and the deltas numbered after it", () => {
    const { state, resyncs } = receive([
      { kind: "full", planId: "p", source: "A", seq: 4, people: [LEE] },
      { kind: "delta", planId: "p", source: "A", seq: 5, upserted: [VIC], left: [] },
      { kind: "delta", planId: "p", source: "A", seq: 6, upserted: [{ ...VIC, idle: true }], left: ["u1"] },
    ]);
    expect(resyncs).toEqual([]);
    expect(state.A).toMatchObject({ seq: 6, people: [{ ...VIC, idle: true }] });
  });

  it("ignores deltas the full list already covers, and waits for the full list of a process it has not heard yet", () => {
    const { state, resyncs } = receive([
      // Before the newcomer's full list from A: left for it.
      { kind: "delta", planId: "p", source: "A", seq: 4, upserted: [VIC], left: [] },
      { kind: "full", planId: "p", source: "A", seq: 4, people: [LEE, VIC] },
      // Sent before the full list, arriving after it: already in it.
      { kind: "delta", planId: "p", source: "A", seq: 4, upserted: [VIC], left: [] },
      // A process that had no one yet starts at 0: its first delta needs no full list.
      { kind: "delta", planId: "p", source: "B", seq: 1, upserted: [EVE], left: [] },
    ]);
    expect(resyncs).toEqual([]);
    expect(state.A).toMatchObject({ seq: 4, people: [LEE, VIC] });
    expect(state.B).toMatchObject({ seq: 1, people: [EVE] });
  });

  it("asks for the full lists again when a number was skipped, or a process it never got a list from says it is alive", () => {
    const start = receive([{ kind: "full", planId: "p", source: "A", seq: 2, people: [LEE] }]).state;
    const skipped = receive([{ kind: "delta", planId: "p", source: "A", seq: 4, upserted: [VIC], left: [] }], start);
    expect(skipped.resyncs).toEqual([0]);
    // The list stays as it was until the full list comes.
    expect(skipped.state).toBe(start);
    expect(receive([{ kind: "alive", planId: "p", source: "A", seq: 3 }], start).resyncs).toEqual([0]);
    expect(receive([{ kind: "alive", planId: "p", source: "B", seq: 0 }], start).resyncs).toEqual([0]);
    expect(receive([{ kind: "alive", planId: "p", source: "A", seq: 2 }], start).resyncs).toEqual([]);
  });

  it("merges the lists of every process and drops a list whose process stopped saying it is alive", () => {
    let { state } = receive(
      [
        { kind: "full", planId: "p", source: "A", seq: 1, people: [{ ...LEE, idle: true }] },
        { kind: "full", planId: "p", source: "B", seq: 1, people: [LEE, VIC] },
      ],
      {},
      1000,
    );
    expect(mergedPresence(state, 2000)).toEqual([LEE, VIC]);
    state = receive([{ kind: "delta", planId: "p", source: "B", seq: 2, upserted: [], left: ["u1", "u2"] }], state, 3000).state;
    expect(mergedPresence(state, 4000)).toEqual([{ ...LEE, idle: true }]);
    // A is heard from again (alive) at 5000; B is not.
    state = receive([{ kind: "alive", planId: "p", source: "A", seq: 1 }], state, 5000).state;
    expect(mergedPresence(state, 5000 + PRESENCE_EXPIRY_MS)).toEqual([{ ...LEE, idle: true }]);
    expect(mergedPresence(state, 5000 + PRESENCE_EXPIRY_MS + 1)).toEqual([]);
  });
});
