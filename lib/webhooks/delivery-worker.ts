import { createPool, endPool } from "@/lib/db";
import { isShuttingDown } from "@/lib/boot/shutdown-state";
import { createOutboxWakeup } from "@/lib/db/outbox-wakeup";
import type { AllowedHosts } from "@/lib/outbound/address-policy";
import { DELIVERY_CHANNEL } from "@/lib/webhooks/enqueue-deliveries";
import { claimDueDeliveries, loadPlanContext, recordAttempt, releaseDeliveries, type ClaimedDelivery } from "@/lib/webhooks/delivery-store";
import { attemptDelivery } from "@/lib/webhooks/send-delivery";

export interface DeliveryWorkerOptions {
  databaseUrl: string;
  appSecret: string;
  retryBaseMs: number;
  timeoutMs: number;
  /** How often an idle worker looks for due retries (new deliveries wake it at once through NOTIFY). */
  pollMs: number;
  allowedHosts?: AllowedHosts;
  /** Subscriptions served at the same time, each by a run of deliveries sent one after another. */
  parallelSubscriptions?: number;
  /** How many of a subscription's deliveries one claim takes. */
  runLength?: number;
  log: (line: string) => void;
}

export interface DeliveryWorker {
  /** Stops claiming, lets the attempts in flight finish (each is bounded by the time-out), and closes its connections. */
  stop(): Promise<void>;
}

// A claimed delivery is the worker's until its attempt has certainly ended: the request's time
// limit plus room to record the outcome. After that another worker (or this one, restarted
// after a crash) may claim it again: at least once, never lost.
const LOCK_MARGIN_MS = 5_000;

/**
 * The outbox's sender, one loop per process: claim the due deliveries, send them, record each
 * outcome, and when nothing is due wait for a NOTIFY from a committed event or the poll interval.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const pool = createPool(options.databaseUrl, 3);
  const parallelSubscriptions = options.parallelSubscriptions ?? 20;
  const runLength = options.runLength ?? 50;
  const lockMs = options.timeoutMs + LOCK_MARGIN_MS;
  let stopped = false;
  const wakeup = createOutboxWakeup(options.databaseUrl, DELIVERY_CHANNEL);

  const attempt = (delivery: ClaimedDelivery) =>
    attemptDelivery(delivery, {
      appSecret: options.appSecret,
      timeoutMs: options.timeoutMs,
      retryBaseMs: options.retryBaseMs,
      allowedHosts: options.allowedHosts,
      planContext: (planId) => loadPlanContext(pool, planId),
    });

  /** A subscription's run, in order; a delivery that must be retried sends the rest back to the queue behind it. */
  const sendRun = async (run: ClaimedDelivery[]) => {
    for (let index = 0; index < run.length; index += 1) {
      const delivery = run[index]!;
      const rest = run.slice(index + 1);
      if (!delivery.active) {
        // Paused since the claim: the run goes back to wait for the resume.
        await releaseDeliveries(pool, run.slice(index)).catch(() => {});
        return;
      }
      try {
        const record = await attempt(delivery);
        await recordAttempt(pool, delivery, record, { ids: rest.map((next) => next.id), lockMs });
        if (record.status === "PENDING" || stopped) {
          await releaseDeliveries(pool, rest);
          return;
        }
      } catch (error) {
        // Left SENDING: the run's lock runs out and it is claimed again, in order.
        options.log(`webhooks: delivery ${delivery.id} could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
  };

  const loop = async () => {
    while (!stopped) {
      let claimed: ClaimedDelivery[][] = [];
      wakeup.clearPending();
      try {
        await wakeup.listen();
        claimed = await claimDueDeliveries(pool, parallelSubscriptions, lockMs, runLength);
      } catch (error) {
        if (stopped) break;
        // The database closing under a process that is shutting down is expected, not news.
        if (!isShuttingDown()) options.log(`webhooks: cannot claim deliveries: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (claimed.length === 0) {
        await wakeup.sleep(options.pollMs);
        continue;
      }
      await Promise.all(claimed.map(sendRun));
    }
  };
  const running = loop();

  return {
    async stop() {
      stopped = true;
      const closing = wakeup.close();
      await running;
      await closing;
      await endPool(pool).catch(() => {});
    },
  };
}
