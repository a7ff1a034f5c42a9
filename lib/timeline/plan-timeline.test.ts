import { describe, expect, it } from "vitest";
import type { ItemStatusName } from "@/lib/plans/progress";
import { phaseSections, type TimelineSectionInput } from "@/lib/timeline/phases";
import { planTimeline, type ItemSpan, type TimelineInput } from "@/lib/timeline/plan-timeline";

const MIN = 60_000;
const WINDOW = Date.parse("2026-12-05T22:00:00Z");

function section(id: string, level: number, extra: Partial<TimelineSectionInput> = {}): TimelineSectionInput {
  return { id, title: id, level, parentId: null, offsetMinutes: null, plannedDurationMinutes: null, isRollback: false, itemIds: [], ...extra };
}

// "## Deployment Steps" holding three timed phases, plus a rollback procedure.
const SECTIONS: TimelineSectionInput[] = [
  section("steps", 2),
  section("prep", 3, { parentId: "steps", offsetMinutes: -60, plannedDurationMinutes: 30, itemIds: ["p1", "p2"] }),
  section("deploy", 3, { parentId: "steps", offsetMinutes: 0, itemIds: ["d1", "d2", "d3"] }),
  section("verify", 3, { parentId: "steps", offsetMinutes: 15, plannedDurationMinutes: 10, itemIds: ["v1"] }),
  section("rollback", 2, { isRollback: true, itemIds: ["r1"] }),
];

function input(overrides: Partial<TimelineInput> & { statuses?: Record<string, ItemStatusName>; spans?: Record<string, ItemSpan> } = {}): TimelineInput {
  const { statuses = {}, spans = {}, ...rest } = overrides;
  return {
    phases: phaseSections(SECTIONS),
    status: "SCHEDULED",
    windowStart: WINDOW,
    startedAt: null,
    finishedAt: null,
    expectedDurationMinutes: 25,
    itemStatus: (id) => statuses[id] ?? "PENDING",
    itemSpans: spans,
    now: WINDOW - 90 * MIN,
    ...rest,
  };
}

describe("phaseSections", () => {
  it("takes the level that carries the offsets as the phases, with their subsections' items, and the rollback procedure as its own phase", () => {
    const phases = phaseSections(SECTIONS);
    expect(phases.map((phase) => [phase.id, phase.isRollback])).toEqual([["prep", false], ["deploy", false], ["verify", false], ["rollback", true]]);
    expect(phases[1]).toMatchObject({ offsetMinutes: 0, durationMinutes: null, itemIds: ["d1", "d2", "d3"] });
  });

  it("adds up the steps' planned minutes for a phase whose heading gives no duration", () => {
    const phases = phaseSections([
      section("a", 2, { offsetMinutes: 0, itemIds: ["a1", "a2"], itemPlannedMinutes: 25 }),
      section("b", 2, { plannedDurationMinutes: 10, itemIds: ["b1"], itemPlannedMinutes: 40 }),
      section("c", 2, { itemIds: ["c1"] }),
    ]);
    expect(phases.map((phase) => phase.durationMinutes)).toEqual([25, 10, null]);
  });

  it("falls back to the shallowest level that splits the items when no heading has an offset", () => {
    const phases = phaseSections([
      section("title", 1),
      section("a", 2, { parentId: "title", itemIds: ["a1"] }),
      section("a.1", 3, { parentId: "a", itemIds: ["a2"] }),
      section("b", 2, { parentId: "title", itemIds: ["b1"] }),
    ]);
    expect(phases.map((phase) => [phase.id, phase.itemIds])).toEqual([
      ["a", ["a1", "a2"]],
      ["b", ["b1"]],
    ]);
  });

  it("keeps a rollback section nested in a deployment phase out of that phase", () => {
    const phases = phaseSections([
      section("deploy", 2, { itemIds: ["d1"] }),
      section("undo", 3, { parentId: "deploy", isRollback: true, itemIds: ["r1"] }),
      section("verify", 2, { itemIds: ["v1"] }),
    ]);
    expect(phases.map((phase) => [phase.id, phase.itemIds, phase.isRollback])).toEqual([
      ["deploy", ["d1"], false],
      ["undo", ["r1"], true],
      ["verify", ["v1"], false],
    ]);
  });
});

describe("planTimeline", () => {
  it("places phases at T-0 = the scheduled start before the plan starts, and counts down", () => {
    const timeline = planTimeline(input());
    expect(timeline.tZeroFrom).toBe("scheduled");
    expect(timeline.phases.map((phase) => [phase.id, (phase.plannedStart - WINDOW) / MIN, (phase.plannedEnd - WINDOW) / MIN, phase.plannedFrom])).toEqual([
      ["prep", -60, -30, "document"],
      // No duration of its own: it lasts until the next phase's offset.
      ["deploy", 0, 15, "document"],
      ["verify", 15, 25, "document"],
    ]);
    expect(timeline.clock).toEqual({ mode: "countdown", ms: -90 * MIN });
    expect(timeline.plannedFinish).toBe(WINDOW + 25 * MIN);
    expect(timeline.phases.every((phase) => phase.state === "upcoming")).toBe(true);
  });

  it("moves the whole plan to the actual start when the plan starts late", () => {
    const startedAt = WINDOW + 40 * MIN;
    const timeline = planTimeline(input({ status: "IN_PROGRESS", startedAt, now: startedAt + 5 * MIN }));
    expect(timeline.tZeroFrom).toBe("actual");
    expect(timeline.startedLateMs).toBe(40 * MIN);
    expect(timeline.phases[1]!.plannedStart).toBe(startedAt);
    expect(timeline.clock).toEqual({ mode: "elapsed", ms: 5 * MIN });
    expect(timeline.plannedFinish).toBe(startedAt + 25 * MIN);
    // Preparations left open get their planned 30 minutes from the actual start: not behind yet.
    expect(timeline.phases.map((phase) => phase.state)).toEqual(["upcoming", "upcoming", "upcoming"]);
  });

  it("measures behind schedule from the actual start: a start a day before the window is not behind a second later", () => {
    const startedAt = WINDOW - 24 * 60 * MIN;
    const justStarted = planTimeline(input({ status: "IN_PROGRESS", startedAt, now: startedAt + 1000 }));
    expect(justStarted.behind).toBe(0);
    expect(justStarted.phases.map((phase) => phase.state)).toEqual(["upcoming", "upcoming", "upcoming"]);
    // The open preparations had 30 minutes from the start; past that they are behind, like deploy past T+15.
    const later = planTimeline(input({ status: "IN_PROGRESS", startedAt, now: startedAt + 31 * MIN }));
    expect(later.phases.map((phase) => phase.state)).toEqual(["behind", "behind", "behind"]);
  });

  it("calls preparations settled within their length after the start done, not finished late", () => {
    const startedAt = WINDOW;
    const statuses: Record<string, ItemStatusName> = { p1: "DONE", p2: "DONE" };
    const spans = { p1: { first: startedAt + MIN, last: startedAt + MIN }, p2: { first: startedAt + 10 * MIN, last: startedAt + 10 * MIN } };
    const timeline = planTimeline(input({ status: "IN_PROGRESS", startedAt, now: startedAt + 11 * MIN, statuses, spans }));
    expect(timeline.phases[0]!.state).toBe("done");
    expect(timeline.behind).toBe(0);
  });

  it("marks a phase that runs past its planned end as behind and pushes the estimated finish", () => {
    const startedAt = WINDOW;
    const now = startedAt + 20 * MIN;
    const timeline = planTimeline(
      input({
        status: "IN_PROGRESS",
        startedAt,
        now,
        statuses: { p1: "DONE", p2: "DONE", d1: "DONE" },
        spans: { p1: { first: WINDOW - 50 * MIN, last: WINDOW - 50 * MIN }, p2: { first: WINDOW - 45 * MIN, last: WINDOW - 40 * MIN }, d1: { first: startedAt + 2 * MIN, last: startedAt + 2 * MIN } },
      }),
    );
    const [prep, deploy, verify] = timeline.phases;
    expect(prep).toMatchObject({ state: "done", actualStart: WINDOW - 50 * MIN, actualEnd: WINDOW - 40 * MIN, settled: 2 });
    expect(deploy).toMatchObject({ state: "behind", actualStart: startedAt + 2 * MIN, actualEnd: null, settled: 1, items: 3 });
    expect(verify!.state).toBe("upcoming");
    expect(timeline.behind).toBe(1);
    // Deploy should have ended at T+15 and is still open at T+20: the finish moves 5 minutes.
    expect(timeline.estimatedFinish).toBe(startedAt + 30 * MIN);
  });

  it("calls a phase finished late when its last item settled after the planned end", () => {
    const startedAt = WINDOW;
    const statuses: Record<string, ItemStatusName> = { d1: "DONE", d2: "SKIPPED", d3: "DONE" };
    const spans = { d1: { first: startedAt + MIN, last: startedAt + MIN }, d2: { first: startedAt + 3 * MIN, last: startedAt + 3 * MIN }, d3: { first: startedAt + 12 * MIN, last: startedAt + 18 * MIN } };
    const timeline = planTimeline(input({ status: "IN_PROGRESS", startedAt, now: startedAt + 19 * MIN, statuses, spans }));
    expect(timeline.phases[1]).toMatchObject({ state: "finished-late", actualStart: startedAt + MIN, actualEnd: startedAt + 18 * MIN });
    // Verify has not begun and is not late yet (its planned end is T+25): the estimate holds.
    expect(timeline.estimatedFinish).toBe(startedAt + 25 * MIN);
  });

  it("shows the rollback procedure only once it runs, and reports the finished duration", () => {
    const startedAt = WINDOW;
    const finishedAt = WINDOW + 31 * MIN;
    const quiet = planTimeline(input({ status: "COMPLETE", startedAt, finishedAt, now: finishedAt + MIN }));
    expect(quiet.phases.map((phase) => phase.id)).not.toContain("rollback");
    expect(quiet.clock).toEqual({ mode: "finished", ms: 31 * MIN });
    expect(quiet.estimatedFinish).toBe(finishedAt);
    expect(quiet.phases.map((phase) => phase.state)).toEqual(["not-run", "not-run", "not-run"]);
  });

  it("estimates phases nobody timed from the expected duration, by item count", () => {
    const phases = phaseSections([section("a", 2, { itemIds: ["a1", "a2", "a3"] }), section("b", 2, { itemIds: ["b1"] })]);
    const timeline = planTimeline(input({ phases, expectedDurationMinutes: 40 }));
    expect(timeline.phases.map((phase) => [(phase.plannedStart - WINDOW) / MIN, (phase.plannedEnd - WINDOW) / MIN, phase.plannedFrom])).toEqual([
      [0, 30, "estimated"],
      [30, 40, "estimated"],
    ]);
  });

  it("turns schedule rows into planned times and has nothing to place without a window", () => {
    const schedule = [{ key: "r1", activity: "Stop application", offsetMinutes: 0, durationMinutes: 2, owner: "DevOps" }];
    const timeline = planTimeline(input({ schedule }));
    expect(timeline.schedule[0]).toMatchObject({ plannedStart: WINDOW, plannedEnd: WINDOW + 2 * MIN });
    const unscheduled = planTimeline(input({ windowStart: null, schedule }));
    expect(unscheduled).toMatchObject({ tZero: null, phases: [], schedule: [], clock: { mode: "unscheduled" } });
  });

  it("after a rollback, marks the deployment's open phases stopped and shows the rollback lane from when it began", () => {
    const startedAt = WINDOW;
    const rollbackAt = WINDOW + 40 * MIN;
    const finishedAt = WINDOW + 44 * MIN;
    const statuses: Record<string, ItemStatusName> = { p1: "DONE", p2: "DONE", d1: "DONE", d2: "FAILED", r1: "DONE" };
    const spans = {
      p1: { first: startedAt - 50 * MIN, last: startedAt - 50 * MIN },
      p2: { first: startedAt - 40 * MIN, last: startedAt - 40 * MIN },
      d1: { first: startedAt + MIN, last: startedAt + MIN },
      d2: { first: startedAt + 3 * MIN, last: startedAt + 3 * MIN },
      r1: { first: rollbackAt + 2 * MIN, last: rollbackAt + 4 * MIN },
    };
    const timeline = planTimeline(input({ status: "ROLLED_BACK", startedAt, finishedAt, now: finishedAt + 60 * MIN, statuses, spans }));
    expect(timeline.phases.map((phase) => [phase.id, phase.state])).toEqual([
      ["prep", "done"],
      ["deploy", "stopped"],
      ["verify", "stopped"],
      ["rollback", "done"],
    ]);
    const rollback = timeline.phases.find((phase) => phase.isRollback)!;
    // Planned from its first tick for its estimated length (five minutes for one item), so it is on time.
    expect([rollback.plannedStart, rollback.plannedEnd]).toEqual([rollbackAt + 2 * MIN, rollbackAt + 7 * MIN]);
    expect(timeline.behind).toBe(0);
  });

  it("while rolling back, nothing of the deployment is behind and the finish is the rollback lane's end", () => {
    const startedAt = WINDOW;
    const now = WINDOW + 90 * MIN;
    const timeline = planTimeline(input({ status: "ROLLING_BACK", startedAt, now, statuses: { d1: "FAILED" }, spans: { d1: { first: startedAt + MIN, last: startedAt + MIN } } }));
    expect(timeline.phases.filter((phase) => !phase.isRollback).map((phase) => phase.state)).toEqual(["stopped", "stopped", "stopped"]);
    const rollback = timeline.phases.find((phase) => phase.isRollback)!;
    expect(rollback).toMatchObject({ state: "upcoming", plannedStart: now });
    expect(timeline.estimatedFinish).toBe(rollback.plannedEnd);
  });
});
