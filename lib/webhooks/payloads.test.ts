import { describe, expect, it } from "vitest";
import { deliveryBody, type DeliveredEvent, type PlanContext } from "@/lib/webhooks/payloads";

const tick: DeliveredEvent = {
  planId: "plan1",
  planTitle: "Checkout v2 <launch>",
  seq: 14,
  actor: { id: "u1", name: "Dana" },
  occurredAt: new Date("2026-12-07T10:00:00Z"),
  data: {
    type: "item.changed",
    item: { id: "i1", status: "DONE", statusNote: null, measuredValue: null, statusAt: "2026-12-07T10:00:00.000Z", changedBy: "Dana", version: 1 },
    previousStatus: "PENDING",
  },
};

const context: PlanContext = {
  itemText: (id) => (id === "i1" ? "Route 25% of traffic" : undefined),
  sectionOf: (id) => (id === "i1" ? "Deployment phase" : undefined),
  progress: { settled: 14, total: 26 },
};

describe("deliveryBody", () => {
  it("Preflight JSON carries the event id, type, plan, sequence, actor, data and time", () => {
    expect(JSON.parse(deliveryBody("JSON", tick, context))).toEqual({
      id: "plan1:14",
      type: "item.changed",
      plan: { id: "plan1", title: "Checkout v2 <launch>" },
      sequence: 14,
      actor: { id: "u1", name: "Dana" },
      data: tick.data,
      occurredAt: "2026-12-07T10:00:00.000Z",
    });
  });

  it("Slack gets one short human line, with Slack's markup characters escaped", () => {
    expect(JSON.parse(deliveryBody("SLACK", tick, context))).toEqual({
      text: "Dana marked “Route 25% of traffic” done — 14/26 done, Deployment phase · _Checkout v2 &lt;launch&gt;_",
    });
  });

  it("Teams gets a MessageCard with the plan as title", () => {
    expect(JSON.parse(deliveryBody("TEAMS", tick, context))).toMatchObject({
      "@type": "MessageCard",
      title: "Checkout v2 <launch>",
      text: "Dana marked “Route 25% of traffic” done — 14/26 done, Deployment phase",
    });
  });

  it("other events are the feed's line without progress", () => {
    const decided: DeliveredEvent = {
      ...tick,
      data: { type: "plan.status", status: "IN_PROGRESS", previousStatus: "SCHEDULED", reason: null, trigger: null, startedAt: null, finishedAt: null },
    };
    expect(JSON.parse(deliveryBody("SLACK", decided, context)).text).toBe("Dana started the deployment · _Checkout v2 &lt;launch&gt;_");
  });
});
