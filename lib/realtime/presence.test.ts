import { describe, expect, it } from "vitest";
import { mergedPresence, presenceOf, PRESENCE_EXPIRY_MS, withPresenceUpdate } from "@/lib/realtime/presence";

const lee = { actor: { id: "u1", name: "Lee" }, role: "LEAD" };

describe("presence", () => {
  it("counts a person once per process, active if any tab is, and share visitors as one entry", () => {
    expect(presenceOf([{ ...lee, idle: true }, { ...lee, idle: false }, { actor: null, role: "VIEWER", idle: false }, { actor: null, role: "VIEWER", idle: true }])).toEqual([
      { userId: "u1", name: "Lee", role: "LEAD", idle: false },
      { userId: "share-link", name: "Share-link visitors", role: "VIEWER", idle: false },
    ]);
  });

  it("merges the lists of every process and drops a list whose process stopped repeating it", () => {
    let state = withPresenceUpdate({}, { planId: "p", source: "A", people: [{ userId: "u1", name: "Lee", role: "LEAD", idle: true }] }, 0);
    state = withPresenceUpdate(state, { planId: "p", source: "B", people: [{ userId: "u1", name: "Lee", role: "LEAD", idle: false }, { userId: "u2", name: "Vic", role: "VIEWER", idle: false }] }, 1000);
    expect(mergedPresence(state, 2000)).toEqual([
      { userId: "u1", name: "Lee", role: "LEAD", idle: false },
      { userId: "u2", name: "Vic", role: "VIEWER", idle: false },
    ]);
    state = withPresenceUpdate(state, { planId: "p", source: "B", people: [] }, 3000);
    expect(mergedPresence(state, 4000)).toEqual([{ userId: "u1", name: "Lee", role: "LEAD", idle: true }]);
    expect(mergedPresence(state, PRESENCE_EXPIRY_MS + 1)).toEqual([]);
  });
});
