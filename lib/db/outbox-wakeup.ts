import { subscribeToNotifications } from "@/lib/db/notification-listener";

/**
 * How an outbox worker (webhooks, mail, notifications) waits for work: a LISTEN connection on
 * the channel its writers NOTIFY at commit, with the poll interval as the fallback (and for
 * retries that come due). Without the LISTEN connection polling simply carries on until the
 * shared connection is back.
 */
export interface OutboxWakeup {
  /** Listens when not listening yet (or any more); never throws. */
  listen(): Promise<void>;
  /** Forgets the NOTIFYs seen so far: the caller is about to look at the outbox anyway. */
  clearPending(): void;
  /** Waits `ms`, or less: a NOTIFY (also one that came while the worker was busy) or close() ends the wait. */
  sleep(ms: number): Promise<void>;
  /** Ends any wait and stops listening; listen() does nothing afterwards. */
  close(): Promise<void>;
}

export function createOutboxWakeup(databaseUrl: string, channel: string): OutboxWakeup {
  let closed = false;
  // A NOTIFY that came while the worker was busy: the next sleep returns at once.
  let pending = false;
  let wake: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;

  const notified = () => {
    pending = true;
    wake?.();
  };

  return {
    async listen() {
      if (unsubscribe || closed) return;
      // The process's one LISTEN connection (lib/db/notification-listener.ts) carries every
      // outbox's channel; it opens again by itself after a loss, while the worker polls.
      await new Promise<void>((resolve) => {
        unsubscribe = subscribeToNotifications(databaseUrl, channel, { onNotify: notified, onListening: resolve, onLost: resolve });
      });
    },
    clearPending() {
      pending = false;
    },
    sleep(ms) {
      return new Promise<void>((resolve) => {
        if (pending || closed) {
          pending = false;
          return resolve();
        }
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          pending = false;
          resolve();
        }
        wake = done;
      });
    },
    async close() {
      closed = true;
      wake?.();
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}
