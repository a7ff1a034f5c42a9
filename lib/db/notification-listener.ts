import pg from "pg";
import { isShuttingDown } from "@/lib/boot/shutdown-state";
import { logger } from "@/lib/logger";

/**
 * The process's shared LISTEN connection: every part that must hear PostgreSQL NOTIFYs from
 * other processes subscribes to a channel here, and one connection listens to all of them.
 *
 * Subscribers learn when they are heard (`onListening`: the LISTEN is in place, so every later
 * commit's NOTIFY arrives) and when they may miss something (`onLost`: the connection broke or
 * could not be opened; it is tried again every RECONNECT_MS). What they do meanwhile is theirs
 * to decide: the outbox workers poll (lib/db/outbox-wakeup.ts), the identity cache turns itself
 * off (lib/auth/identity-cache-process.ts).
 *
 * Kept on globalThis: the custom server (through tsx) and Next's bundles each load their own
 * copy of this module, but one process needs one connection.
 */

const RECONNECT_MS = 1_000;
/** How the connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = "preflight-listener";

export interface NotificationSubscriber {
  onNotify(payload: string): void;
  onListening?(): void;
  onLost?(): void;
}

interface ListenerState {
  databaseUrl: string;
  client?: pg.Client;
  listening: boolean;
  connecting: boolean;
  retry?: NodeJS.Timeout;
  closed: boolean;
  channels: Map<string, Set<NotificationSubscriber>>;
}

function state(databaseUrl: string): ListenerState {
  const global = globalThis as unknown as { preflightNotificationListener?: ListenerState };
  const current = global.preflightNotificationListener;
  if (!current || current.closed || current.databaseUrl !== databaseUrl) {
    global.preflightNotificationListener = { databaseUrl, listening: false, connecting: false, closed: false, channels: new Map() };
  }
  return global.preflightNotificationListener!;
}

/** Subscribes to `channel`; returns the unsubscribe. The connection opens on the first subscription. */
export function subscribeToNotifications(databaseUrl: string, channel: string, subscriber: NotificationSubscriber): () => void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  const listener = state(databaseUrl);
  const known = listener.channels.has(channel);
  if (!known) listener.channels.set(channel, new Set());
  listener.channels.get(channel)!.add(subscriber);
  if (listener.listening && listener.client) {
    if (known) subscriber.onListening?.();
    else void listenTo(listener, listener.client, channel);
  } else connect(listener);
  return () => listener.channels.get(channel)?.delete(subscriber);
}

async function listenTo(listener: ListenerState, client: pg.Client, channel: string): Promise<void> {
  try {
    await client.query(`LISTEN ${channel}`);
    if (listener.client === client) listener.channels.get(channel)?.forEach((subscriber) => subscriber.onListening?.());
  } catch {
    lost(listener, client);
  }
}

function connect(listener: ListenerState): void {
  // A process shutting down opens nothing new (the shutdown closes this connection with the pools).
  if (listener.connecting || listener.client || listener.closed || isShuttingDown()) return;
  listener.connecting = true;
  const client = new pg.Client({ connectionString: listener.databaseUrl, application_name: LISTENER_APPLICATION_NAME });
  client.on("notification", (message) => {
    listener.channels.get(message.channel)?.forEach((subscriber) => subscriber.onNotify(message.payload ?? ""));
  });
  client.on("error", () => lost(listener, client));
  client.on("end", () => lost(listener, client));
  void (async () => {
    try {
      await client.connect();
      if (listener.closed) return void (await client.end().catch(() => {}));
      for (const channel of listener.channels.keys()) await client.query(`LISTEN ${channel}`);
      listener.client = client;
      listener.listening = true;
      listener.connecting = false;
      for (const subscribers of listener.channels.values()) subscribers.forEach((subscriber) => subscriber.onListening?.());
    } catch (error) {
      listener.connecting = false;
      if (!listener.closed && !isShuttingDown()) logger.debug("notification listener: cannot listen", error instanceof Error ? error.message : error);
      lost(listener, client);
      // Not heard, again: subscribers waiting for the first answer get one.
      if (!listener.closed) for (const subscribers of listener.channels.values()) subscribers.forEach((subscriber) => subscriber.onLost?.());
    }
  })();
}

function lost(listener: ListenerState, client: pg.Client): void {
  const wasCurrent = listener.client === client;
  if (wasCurrent) {
    listener.client = undefined;
    listener.listening = false;
  }
  void client.end().catch(() => {});
  if (wasCurrent) for (const subscribers of listener.channels.values()) subscribers.forEach((subscriber) => subscriber.onLost?.());
  if (listener.closed || listener.retry || listener.connecting) return;
  listener.retry = setTimeout(() => {
    listener.retry = undefined;
    connect(listener);
  }, RECONNECT_MS);
  listener.retry.unref();
}

/** Shutdown: closes the connection; subscribers hear onLost. */
export async function closeNotificationListener(): Promise<void> {
  const global = globalThis as unknown as { preflightNotificationListener?: ListenerState };
  const listener = global.preflightNotificationListener;
  if (!listener || listener.closed) return;
  listener.closed = true;
  clearTimeout(listener.retry);
  const client = listener.client;
  if (client) lost(listener, client);
}
