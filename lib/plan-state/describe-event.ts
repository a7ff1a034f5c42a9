import { commentAsText } from "@/lib/mentions/mention-syntax";
import type { ItemLiveState, PlanEventMessage } from "@/lib/plan-state/events";
import type { ItemStatusName } from "@/lib/plans/progress";
import { describeStructureEvent } from "@/lib/plan-editing/describe-structure-event";
import { isStructureEvent } from "@/lib/plan-editing/structure-events";
import { describeDocumentPartEvent } from "@/lib/document-parts/describe-part-event";
import { isDocumentPartEvent } from "@/lib/document-parts/part-events";
import { describeCheckEvidence } from "@/lib/checks/describe-check";

/** One line of the activity feed for an event, e.g. `Lee marked “Backup taken” done`. */
export function describeEvent(message: PlanEventMessage, itemText: (itemId: string) => string | undefined): string {
  const actor = message.actor?.name ?? "Someone";
  const { event } = message;
  if (isStructureEvent(event)) return describeStructureEvent(actor, event);
  if (isDocumentPartEvent(event)) return describeDocumentPartEvent(actor, event);
  const quote = (itemId: string) => `“${itemText(itemId) ?? "an item"}”`;
  switch (event.type) {
    case "item.changed": {
      const { item, previousStatus } = event;
      const stale = event.staleSignatureIds?.length;
      const staleNote = stale ? ` — ${stale} sign-off${stale === 1 ? " is" : "s are"} now stale` : "";
      const downtimeNote = event.downtime ? (event.downtime.some((period) => period.endedAt === null) ? " — downtime started" : " — downtime ended") : "";
      const overrideNote = event.override ? ` before ${event.override.blockers.map((blocker) => quote(blocker.itemId)).join(", ")} (override: ${event.override.reason})` : "";
      const checkNote = event.check ? ` — ${describeCheckEvidence(event.check)}` : "";
      return describeItemChange(actor, quote(item.id), item, previousStatus) + overrideNote + staleNote + downtimeNote + checkNote;
    }
    case "item.checkSet":
      return event.check ? `${actor} set the HTTP check of ${quote(event.item.id)}: ${event.check.method} ${event.check.url}` : `${actor} removed the HTTP check of ${quote(event.item.id)}`;
    case "item.planned":
      return `${actor} changed who does ${quote(event.item.id)}, what it waits for or how long it takes`;
    case "comment.added":
      return `${actor} commented on ${quote(event.comment.itemId)}: ${commentAsText(event.comment.body)}`;
    case "plan.status": {
      const reason = event.reason ? ` (${event.reason})` : "";
      const overridden = event.override ? ` over ${event.override.gates.map((gate) => `“${gate.title}”`).join(" and ")}: ${event.override.reason}` : "";
      switch (event.status) {
        case "SCHEDULED":
          return `${actor} scheduled the deployment`;
        case "IN_PROGRESS":
          return `${actor} started the deployment${overridden}`;
        case "COMPLETE":
          return `${actor} completed the deployment${overridden}`;
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
    case "plan.edited":
      return `${actor} changed the plan's settings`;
    case "gate.configured":
      return `${actor} changed what a gate requires`;
    case "gate.signed": {
      const { signature } = event;
      const note = signature.comment ? `: ${signature.comment}` : "";
      if (signature.title === null) return `${actor} decided ${DECISION_LABEL[signature.decision]}${note}`;
      return `${actor} ${signature.decision === "APPROVE" ? "approved" : "rejected"} as ${signature.title}${note}`;
    }
    case "member.set":
      return event.previousRole
        ? `${actor} made ${event.member.name} ${ROLE_LABEL[event.member.role]}`
        : `${actor} added ${event.member.name} as ${ROLE_LABEL[event.member.role]}`;
    case "member.removed":
      return `${actor} removed ${event.name} from the plan`;
    case "share.created":
      return `${actor} created a read-only share link`;
    case "share.revoked":
      return `${actor} revoked a share link`;
    case "plan.window":
      return event.window.windowStart ? `${actor} scheduled the window` : `${actor} cleared the scheduled start`;
    case "downtime.changed":
      return event.action === "started" ? `${actor} marked downtime started` : `${actor} marked downtime ended`;
    case "item.flagged":
      return event.downtimeMarker
        ? `${actor} flagged ${quote(event.itemId)} as the downtime ${event.downtimeMarker === "START" ? "start" : "end"}`
        : `${actor} cleared the downtime flag of ${quote(event.itemId)}`;
    case "check.changed": {
      const verb = event.check.status === "DONE" ? "completed" : event.check.status === "SKIPPED" ? "skipped" : "reopened";
      return `${actor} ${verb} the monitoring check “${event.check.label}”${event.check.note ? `: ${event.check.note}` : ""}`;
    }
    case "status-update.posted":
      return `${actor} posted a status update: ${event.text}`;
  }
  return `${actor} changed the plan`;
}

const DECISION_LABEL: Record<string, string> = { GO: "GO", NO_GO: "NO-GO", DEFER: "DEFER" };
const ROLE_LABEL: Record<string, string> = { LEAD: "lead", EXECUTOR: "executor", APPROVER: "approver", VIEWER: "viewer" };

function describeItemChange(actor: string, quoted: string, item: ItemLiveState, previousStatus: ItemStatusName): string {
  if (item.status === previousStatus && item.measuredValue !== null) return `${actor} recorded ${item.measuredValue} for ${quoted}`;
  const note = item.statusNote ? `: ${item.statusNote}` : "";
  switch (item.status) {
    case "DONE":
      return `${actor} marked ${quoted} done`;
    case "SKIPPED":
      return `${actor} skipped ${quoted}${note}`;
    case "FAILED":
      return `${actor} marked ${quoted} failed${note}`;
    case "NOT_APPLICABLE":
      return `${actor} marked ${quoted} not applicable`;
    case "PENDING":
      return `${actor} reset ${quoted} to pending`;
  }
}
