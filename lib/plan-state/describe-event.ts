import type { PlanEventMessage } from "@/lib/plan-state/events";

/** One line of the activity feed for an event, e.g. `Lee marked “Backup taken” done`. */
export function describeEvent(message: PlanEventMessage, itemText: (itemId: string) => string | undefined): string {
  const actor = message.actor?.name ?? "Someone";
  const { event } = message;
  const quote = (itemId: string) => `“${itemText(itemId) ?? "an item"}”`;
  switch (event.type) {
    case "item.changed": {
      const { item, previousStatus } = event;
      if (item.status === previousStatus && item.measuredValue !== null) return `${actor} recorded ${item.measuredValue} for ${quote(item.id)}`;
      const note = item.statusNote ? `: ${item.statusNote}` : "";
      switch (item.status) {
        case "DONE":
          return `${actor} marked ${quote(item.id)} done`;
        case "SKIPPED":
          return `${actor} skipped ${quote(item.id)}${note}`;
        case "FAILED":
          return `${actor} marked ${quote(item.id)} failed${note}`;
        case "NOT_APPLICABLE":
          return `${actor} marked ${quote(item.id)} not applicable`;
        case "PENDING":
          return `${actor} reset ${quote(item.id)} to pending`;
      }
      break;
    }
    case "comment.added":
      return `${actor} commented on ${quote(event.comment.itemId)}: ${event.comment.body}`;
    case "plan.status": {
      const reason = event.reason ? ` (${event.reason})` : "";
      switch (event.status) {
        case "SCHEDULED":
          return `${actor} scheduled the deployment`;
        case "IN_PROGRESS":
          return `${actor} started the deployment`;
        case "COMPLETE":
          return `${actor} completed the deployment`;
        case "PARTIAL":
          return `${actor} finished the deployment as partial${reason}`;
        case "ABORTED":
          return `${actor} aborted the deployment${reason}`;
        case "ROLLING_BACK":
          return `${actor} triggered a rollback${event.trigger ? ` — ${event.trigger}` : ""}${reason}`;
        case "ROLLED_BACK":
          return `${actor} finished the rollback`;
        default:
          return `${actor} changed the plan's status`;
      }
    }
  }
  return `${actor} changed the plan`;
}
