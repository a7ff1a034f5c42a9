import { describe, expect, it } from "vitest";
import { runInPlanQueue } from "@/lib/plan-state/per-plan-queue";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runInPlanQueue", () => {
  it("runs one plan's tasks in order, even when later ones would finish first", async () => {
    const finished: number[] = [];
    await Promise.all([30, 10, 0].map((delay, index) => runInPlanQueue("a", async () => {
      await sleep(delay);
      finished.push(index);
    })));
    expect(finished).toEqual([0, 1, 2]);
  });

  it("keeps going after a failed task and lets other plans run alongside", async () => {
    const order: string[] = [];
    const failing = runInPlanQueue("b", async () => {
      await sleep(20);
      throw new Error("refused");
    });
    const next = runInPlanQueue("b", async () => order.push("b2"));
    const other = runInPlanQueue("c", async () => order.push("c1"));
    await expect(failing).rejects.toThrow("refused");
    await Promise.all([next, other]);
    expect(order).toEqual(["c1", "b2"]);
  });
});
