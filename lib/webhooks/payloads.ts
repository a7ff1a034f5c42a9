import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import { describeEvent } from "@/lib/plan-state/describe-event";

export type WebhookFormatName = "JSON" | "SLACK" | "TEAMS";

/** An event as a delivery sends it. */
export interface DeliveredEvent {
  planId: string;
  planTitle: string;
  seq: number;
  actor: { id: string; name: string } | null;
  data: PlanEventPayload;
  occurredAt: Date;
}

/** What the chat formats say besides the event itself: the plan's progress and the step's section, as of sending. */
export interface PlanContext {
  itemText: (itemId: string) => string | undefined;
  sectionOf: (itemId: string) => string | undefined;
  progress: { settled: number; total: number };
}

/** `<planId>:<seq>`: the same for every attempt and redelivery of one event, for receivers to drop duplicates. */
export function eventIdOf(event: Pick<DeliveredEvent, "planId" | "seq">): string {
  return `${event.planId}:${event.seq}`;
}

/** The request body for a subscription's format. */
export function deliveryBody(format: WebhookFormatName, event: DeliveredEvent, context: PlanContext | null): string {
  if (format === "JSON" || !context) return JSON.stringify(preflightPayload(event));
  const text = humanLine(event, context);
  if (format === "SLACK") return JSON.stringify({ text: `${escapeSlack(text)} · _${escapeSlack(event.planTitle)}_` });
  // Microsoft Teams' connector card: a title and one line.
  return JSON.stringify({ "@type": "MessageCard", "@context": "https://schema.org/extensions", summary: text, title: event.planTitle, text });
}

export function preflightPayload(event: DeliveredEvent) {
  return {
    id: eventIdOf(event),
    type: event.data.type,
    plan: { id: event.planId, title: event.planTitle },
    sequence: event.seq,
    actor: event.actor,
    data: event.data,
    occurredAt: event.occurredAt.toISOString(),
  };
}

/** The activity feed's line for the event (describe-event.ts), and for a step's change the plan's progress and the step's section. */
export function humanLine(event: DeliveredEvent, context: PlanContext): string {
  const message: PlanEventMessage = { planId: event.planId, seq: event.seq, at: event.occurredAt.toISOString(), actor: event.actor, event: event.data };
  const line = describeEvent(message, context.itemText);
  if (event.data.type !== "item.changed") return line;
  const section = context.sectionOf(event.data.item.id);
  const { settled, total } = context.progress;
  return `${line} — ${settled}/${total} done${section ? `, ${section}` : ""}`;
}

// Slack reads &, < and > as markup (links, mentions); user text must not become either.
function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
