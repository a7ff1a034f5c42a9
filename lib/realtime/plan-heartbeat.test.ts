import { describe, expect, it } from "vitest";
import { watchedPlanIds } from "@/lib/realtime/plan-heartbeat";

describe("watchedPlanIds", () => {
  it("takes each plan once from its members' and share visitors' rooms, and ignores the other rooms", () => {
    expect(watchedPlanIds(["plan:a", "share:a", "share:b", "user:u1", "dashboard", "socket-id-123"])).toEqual(["a", "b"]);
    expect(watchedPlanIds([])).toEqual([]);
  });
});
