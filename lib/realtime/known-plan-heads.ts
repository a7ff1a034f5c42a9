/**
 * The highest sequence number this process has emitted to its sockets, per plan, so that a
 * plan:join from a page that is already up to date skips the catch-up query.
 *
 * Why skipping is safe: a number is noted at the moment its event is emitted here (and from
 * the plan heartbeat's reads), so every event emitted on this process so far is at or below
 * the noted head. A socket that has joined the room, with a lastSeq at or above that head,
 * therefore lacks only events not emitted here yet: those reach it live, in the room. One
 * whose relay was lost in transit is the case the plan heartbeat already covers (it says
 * the plan's head, the page asks for the gap). Losses come with the adapter's connection
 * going down, so the heads are forgotten when it comes back.
 */
export function createKnownPlanHeads() {
  const heads = new Map<string, number>();
  return {
    note(planId: string, seq: number): void {
      if (seq > (heads.get(planId) ?? -1)) heads.set(planId, seq);
    },
    /** Whether a socket in the plan's room, at `lastSeq`, has missed nothing this process emitted. */
    isUpToDate(planId: string, lastSeq: number): boolean {
      const head = heads.get(planId);
      return head !== undefined && lastSeq >= head;
    },
    /** Keeps the heads of these plans only (the watched ones): the others would only grow the map. */
    retainOnly(planIds: Iterable<string>): void {
      const keep = new Set(planIds);
      for (const planId of heads.keys()) if (!keep.has(planId)) heads.delete(planId);
    },
    forget(): void {
      heads.clear();
    },
  };
}
