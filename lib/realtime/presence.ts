import type { PresenceEntry, PresenceMessage } from "@/lib/realtime/socket-contract";

/**
 * Presence is counted by each app process for its own sockets and sent per process
 * (`source`); every client merges the lists. Nothing has to ask every process for all its
 * sockets, which at thousands of watchers over several processes timed out and cost more CPU
 * than the ticks themselves.
 *
 * A process sends the room only what changed (a delta), numbered; a newcomer gets each
 * process's full list once, and a client that sees a number skipped asks for the full lists
 * again. Sending everyone's list to everyone on every change cost N² entries for a room of N.
 * Pure, so the browser, the server and the tests compute it the same way.
 */

/** What a client holds of one process's list: the last message's number, and when that process was last heard from. */
export type PresenceBySource = Readonly<Record<string, { seq: number; people: readonly PresenceEntry[]; receivedAt: number }>>;

/** Each process says it is alive this often, so a list whose process died expires on clients. */
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

/** Who came or changed (name, role, idle) and who left, between two lists of one process; null when nothing did. */
export function presenceDelta(before: readonly PresenceEntry[], after: readonly PresenceEntry[]): { upserted: PresenceEntry[]; left: string[] } | null {
  const previous = new Map(before.map((entry) => [entry.userId, entry]));
  const current = new Set(after.map((entry) => entry.userId));
  const upserted = after.filter((entry) => {
    const old = previous.get(entry.userId);
    return !old || old.name !== entry.name || old.role !== entry.role || old.idle !== entry.idle;
  });
  const left = before.filter((entry) => !current.has(entry.userId)).map((entry) => entry.userId);
  return upserted.length || left.length ? { upserted, left } : null;
}

/** A list with a delta applied: changed entries replaced in place, newcomers at the end, leavers gone. */
export function applyPresenceDelta(people: readonly PresenceEntry[], delta: { upserted: readonly PresenceEntry[]; left: readonly string[] }): PresenceEntry[] {
  const gone = new Set(delta.left);
  const changed = new Map(delta.upserted.map((entry) => [entry.userId, entry]));
  const kept = people.filter((entry) => !gone.has(entry.userId)).map((entry) => changed.get(entry.userId) ?? entry);
  const known = new Set(kept.map((entry) => entry.userId));
  return [...kept, ...delta.upserted.filter((entry) => !known.has(entry.userId) && !gone.has(entry.userId))];
}

/**
 * A client's presence after one message. `resync`: a message was missed (a number skipped,
 * or a process heard from whose list this client never got), so the client asks every
 * process for its full list again. A delta from a process whose full list has not arrived
 * yet is left for that full list, which a join always brings (a process that never had
 * anyone sends none: its first delta, number 1, applies to nobody); one the full list
 * already covered (older number) is ignored.
 */
export function withPresenceMessage(current: PresenceBySource, message: PresenceMessage, now: number): { state: PresenceBySource; resync: boolean } {
  const known = current[message.source];
  switch (message.kind) {
    case "full":
      if (known && message.seq < known.seq) return { state: current, resync: false };
      return { state: { ...current, [message.source]: { seq: message.seq, people: message.people, receivedAt: now } }, resync: false };
    case "delta": {
      // A process not heard from yet had no one at number 0 (it sends no full list then).
      const base = known ?? { seq: 0, people: [] };
      if (message.seq <= base.seq) return { state: current, resync: false };
      if (message.seq > base.seq + 1) return { state: current, resync: Boolean(known) };
      return { state: { ...current, [message.source]: { seq: message.seq, people: applyPresenceDelta(base.people, message), receivedAt: now } }, resync: false };
    }
    case "alive":
      if (!known || message.seq > known.seq) return { state: current, resync: true };
      return { state: { ...current, [message.source]: { ...known, receivedAt: now } }, resync: false };
  }
}

/** Everyone here, across processes: one entry per person, lists from dead processes left out. */
export function mergedPresence(bySource: PresenceBySource, now: number): PresenceEntry[] {
  const fresh = Object.values(bySource).filter((entry) => now - entry.receivedAt <= PRESENCE_EXPIRY_MS);
  return presenceOf(fresh.flatMap((entry) => entry.people.map((person) => ({ actor: { id: person.userId, name: person.name }, role: person.role, idle: person.idle }))));
}
