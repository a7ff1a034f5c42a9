import type { NotificationDelivery, NotificationKind } from "@/lib/generated/prisma/enums";

/** Every kind, in the order the preferences page lists them, with how it reaches a person by default. */
export const NOTIFICATION_KINDS: readonly { kind: NotificationKind; label: string; description: string; defaultDelivery: NotificationDelivery }[] = [
  { kind: "SIGNOFF_REQUESTED", label: "Sign-off requests", description: "A gate needs a signature for a title you hold.", defaultDelivery: "EMAIL_AND_APP" },
  { kind: "ROLLBACK_TRIGGERED", label: "Rollbacks", description: "A plan you are on is rolling back.", defaultDelivery: "EMAIL_AND_APP" },
  { kind: "STEP_UP_NEXT", label: "Your step is next", description: "A step you own can start: what it waits for is settled.", defaultDelivery: "APP_ONLY" },
  { kind: "PLAN_STARTS_SOON", label: "Plan starts soon", description: "A plan you are on starts in 30 minutes.", defaultDelivery: "APP_ONLY" },
  { kind: "PLAN_STARTED", label: "Plan started", description: "A plan you are on has started.", defaultDelivery: "APP_ONLY" },
  { kind: "SIGNATURE_STALE", label: "Stale signatures", description: "What you signed changed, so your signature no longer counts.", defaultDelivery: "APP_ONLY" },
  { kind: "MENTIONED", label: "Mentions", description: "Someone mentions you with @name in a comment.", defaultDelivery: "APP_ONLY" },
  { kind: "CHECK_DUE", label: "Monitoring checks due", description: "A monitoring check you own is due.", defaultDelivery: "APP_ONLY" },
  { kind: "UPDATE_REMINDER", label: "Status update reminders", description: "A plan you lead has had no status update for a while.", defaultDelivery: "APP_ONLY" },
];

export function defaultDelivery(kind: NotificationKind): NotificationDelivery {
  return NOTIFICATION_KINDS.find((entry) => entry.kind === kind)?.defaultDelivery ?? "APP_ONLY";
}
