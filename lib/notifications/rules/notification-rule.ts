import type { DatabaseOrTransaction } from "@/lib/db";
import type { NotificationToSend } from "@/lib/notifications/notify";

/** A recorded plan event, as the notification worker hands it to each rule. */
export interface CommittedEvent {
  id: string;
  planId: string;
  seq: number;
  type: string;
  actorId: string | null;
  payload: unknown;
  createdAt: Date;
}

/**
 * One reason to notify: given a committed event, who should hear about it. A rule reads what
 * it needs through `tx` (the worker's transaction, after the event committed) and returns the
 * notifications; the worker records them with notify(), so preferences, dedupe and mail are
 * handled once. Rules never write.
 */
export type NotificationRule = (event: CommittedEvent, tx: DatabaseOrTransaction) => Promise<NotificationToSend[]>;
