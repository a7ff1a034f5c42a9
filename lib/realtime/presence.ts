import type { PresenceEntry } from "@/lib/realtime/socket-protocol";

/**
 * Presence is counted by each app process for its own sockets and broadcast per process
 * (`source`); every client merges the lists. Nothing has to ask every process for all its
 * sockets, which at thousands of watchers over several processes timed out and cost more CPU
 * than the ticks themselves. Pure, so the browser and the tests merge the same way.
 */
export interface PresenceUpdate {
  planId: string;
  /** The app process that counted these people. */
  source: string;
  people: PresenceEntry[];
}

export type PresenceBySource = Readonly<Record<string, { people: PresenceEntry[]; receivedAt: number }>>;

/** Each process repeats its list this often, so a list whose process died expires on clients. */
export const PRESENCE_REFRESH_MS = 30_000;
export const PRESENCE_EXPIRY_MS = 3 * PRESENCE_REFRESH_MS;

/** The people on one process's sockets: share-link visitors are one entry, since they have no names. */
export function presenceOf(sockets: readonly { actor: { id: string; name: string } | null; role: string; idle: boolean }[]): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const socket of sockets) {
    const key = socket.actor?.id ?? "share-link";
    const existing = byUser.get(key);
    byUser.set(key, {
      userId: key,
      name: socket.actor?.name ?? "Share-link visitors",
      role: existing?.role ?? socket.role,
      // Someone with one active tab is active.
      idle: existing ? existing.idle && socket.idle : socket.idle,
    });
  }
  return [...byUser.values()];
}

export function withPresenceUpdate(current: PresenceBySource, update: PresenceUpdate, now: number): PresenceBySource {
  return { ...current, [update.source]: { people: update.people, receivedAt: now } };
}

/** Everyone here, across processes: one entry per person, lists from dead processes left out. */
export function mergedPresence(bySource: PresenceBySource, now: number): PresenceEntry[] {
  const fresh = Object.values(bySource).filter((entry) => now - entry.receivedAt <= PRESENCE_EXPIRY_MS);
  return presenceOf(fresh.flatMap((entry) => entry.people.map((person) => ({ actor: { id: person.userId, name: person.name }, role: person.role, idle: person.idle }))));
}
