import { Server } from "socket.io";
import type { NotificationToSend } from "@/lib/notifications/notify";

export interface SecondInstance {
  /** Records a notification as the notification worker does (notify() in a transaction), then pushes it live after commit. */
  record(notification: NotificationToSend): Promise<{ id: string }>;
  /** Call after the push has been seen: the adapter sends it on its own time. */
  close(): Promise<void>;
}

/**
 * The notification worker's two steps, run in the e2e test process as a second app instance
 * would run them: the push reaches the app server's sockets through the cluster adapter
 * (PostgreSQL LISTEN/NOTIFY). Specs use it where no rule of the app turns an event into the
 * notification they need.
 */
export async function startSecondInstance(): Promise<SecondInstance> {
  const [{ db }, { notify }, { pushNotificationLive }, { createClusterAdapter }, { registerEmitter }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/notifications/notify"),
    import("@/lib/notifications/notification-worker"),
    import("@/lib/realtime/cluster-adapter"),
    import("@/lib/realtime/broadcast"),
  ]);
  const cluster = await createClusterAdapter({ databaseUrl: process.env.DATABASE_URL ?? "" });
  // No HTTP server: this instance only sends through the adapter.
  const io = new Server({ adapter: cluster.adapter });
  // Only notifications are recorded here.
  registerEmitter((message) => void (message.event === "notification:new" && io.to(message.room).emit(message.event, message.payload)));
  return {
    async record(notification) {
      const sent = await db().$transaction((tx) => notify(tx, notification));
      if (!sent) throw new Error(`nothing was recorded for ${notification.userId} (${notification.dedupeKey})`);
      await pushNotificationLive(db(), sent);
      return { id: sent.id };
    },
    async close() {
      registerEmitter(undefined);
      await (io.of("/").adapter as unknown as { close?: () => Promise<void> | void }).close?.();
      await cluster.close();
    },
  };
}
