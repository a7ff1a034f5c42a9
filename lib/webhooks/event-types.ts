import type { PlanEventPayload } from "@/lib/plan-state/events";

/** The event type names a subscription can choose, as stored in a plan's log; "*" means all of them. */
type SubscribableType = Exclude<PlanEventPayload["type"], "withheld">;

// A Record over the union keeps this list complete: a new event type fails the type check until it is named here.
const SUBSCRIBABLE: Record<SubscribableType, true> = {
  "item.changed": true,
  "item.planned": true,
  "comment.added": true,
  "plan.status": true,
  "plan.edited": true,
  "gate.configured": true,
  "gate.signed": true,
  "member.set": true,
  "member.removed": true,
  "share.created": true,
  "share.revoked": true,
  "plan.window": true,
  "downtime.changed": true,
  "item.flagged": true,
  "check.changed": true,
  "section.added": true,
  "section.edited": true,
  "section.moved": true,
  "section.removed": true,
  "item.added": true,
  "item.edited": true,
  "item.moved": true,
  "item.removed": true,
  "item.checkSet": true,
  "gate.edited": true,
  "trigger.added": true,
  "trigger.edited": true,
  "trigger.removed": true,
  "table.edited": true,
  "table.added": true,
  "table.removed": true,
  "gate.added": true,
  "gate.removed": true,
  "comms.added": true,
  "comms.edited": true,
  "comms.removed": true,
  "status-update.posted": true,
};

export const WEBHOOK_EVENT_TYPES = Object.keys(SUBSCRIBABLE) as SubscribableType[];
export const ALL_EVENTS = "*";

export function isWebhookEventType(name: string): boolean {
  return Object.hasOwn(SUBSCRIBABLE, name);
}
