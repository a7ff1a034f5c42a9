import { mentionedRule } from "@/lib/notifications/rules/mentioned";
import type { NotificationRule } from "@/lib/notifications/rules/notification-rule";
import { planStartedRule } from "@/lib/notifications/rules/plan-started";
import { rollbackTriggeredRule } from "@/lib/notifications/rules/rollback-triggered";
import { signatureStaleRule } from "@/lib/notifications/rules/signature-stale";
import { signoffRequestedRule } from "@/lib/notifications/rules/signoff-requested";
import { stepUpNextRule } from "@/lib/notifications/rules/step-up-next";

/**
 * Every rule the notification worker runs on each committed event. Add a rule in its own file
 * and list it here. What notifies whom:
 * - sign-off requested: when the plan is scheduled or started, a gate becomes signable (its
 *   required steps settled, it was configured or added), a signature went stale (a new round),
 *   self-approval was switched on or a member got a title: each approver (the lead only with
 *   self-approval) holding a title the gate still needs and has not signed; the Go/No-Go
 *   decision maker likewise. Start gates before the start, the others after; never on a draft.
 * - step up next: while the plan runs, the owners (people, or the holders of an owning title)
 *   of each pending step whose dependencies (or, without any, the step before it) are settled; once per step.
 * - plan started, rollback triggered (with the reason): every member but who did it.
 * - signature stale: the signer, when a step they approved is ticked back or reworded.
 * - mentioned: each member named with `@[Name](userId)` in a comment, but not its author.
 * Only current members are told; notify() skips the inactive, service accounts and kinds switched off.
 */
export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  signoffRequestedRule,
  stepUpNextRule,
  planStartedRule,
  rollbackTriggeredRule,
  signatureStaleRule,
  mentionedRule,
];
