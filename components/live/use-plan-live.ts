"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventMessage, PlanEventWire } from "@/lib/plan-state/events";
import { receiveLiveEvent } from "@/lib/plan-state/live-delta";
import { applyEvent, applyEvents, classifyEvent, type PlanLiveState } from "@/lib/plan-state/live-state";
import { mergedPresence, PRESENCE_REFRESH_MS, withPresenceMessage, type PresenceBySource } from "@/lib/realtime/presence";
import type { AccessLost, CatchUp, ChangeAnswer, PlanHead, PresenceEntry, PresenceMessage } from "@/lib/realtime/socket-contract";
import { checkedAck, ContractViolation, isValidServerEvent } from "@/lib/realtime/contract-check";
import { isRetriableRefusal } from "@/lib/realtime/handshake-retry";
import { sharedSocket } from "@/components/live/socket-client";
import { isStructureEvent } from "@/lib/plan-editing/structure-events";
import { isDocumentPartEvent } from "@/lib/document-parts/part-events";
import { forgetLiveState, publishLiveState } from "@/components/live/live-state-store";

/**
 * "removed": this person lost their access to the plan while watching it; it no longer updates.
 * "unavailable": the server is there but its database is not; the page retries by itself.
 */
export type ConnectionState = "connecting" | "live" | "reconnecting" | "unavailable" | "offline" | "removed";

/**
 * A plan's live state in the browser: starts from the server-rendered snapshot, applies
 * broadcasts in sequence order, asks for what it missed after a gap or a reconnect, and
 * reloads the snapshot when it was away too long. Changes go through the socket with an
 * acknowledgement; the caller shows them optimistically and undoes them on refusal.
 */
export function usePlanLive(
  initial: PlanLiveState,
  options: {
    onRemoteEvent?: (message: PlanEventMessage) => void;
    /** A section or step was added, edited, moved or removed (live, in a catch-up, or possibly while away). */
    onStructureChange?: () => void;
    snapshotUrl?: string;
  } = {},
) {
  const [state, setState] = useState(initial);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [presenceBySource, setPresenceBySource] = useState<PresenceBySource>({});
  const presenceRef = useRef<PresenceBySource>({});
  const [now, setNow] = useState(() => Date.now());
  const stateRef = useRef(state);
  const syncing = useRef(false);
  const planId = initial.planId;
  const snapshotUrl = options.snapshotUrl ?? `/api/plans/${planId}/live`;
  const onRemoteEvent = useRef(options.onRemoteEvent);
  const onStructureChange = useRef(options.onStructureChange);
  useEffect(() => {
    onRemoteEvent.current = options.onRemoteEvent;
    onStructureChange.current = options.onStructureChange;
  });

  const commit = useCallback((next: PlanLiveState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const reloadSnapshot = useCallback(async () => {
    const response = await fetch(snapshotUrl, { cache: "no-store" });
    if (response.ok) {
      commit(((await response.json()) as { state: PlanLiveState }).state);
      // Whatever was missed may have reshaped the plan.
      onStructureChange.current?.();
    }
  }, [snapshotUrl, commit]);

  const applyCatchUp = useCallback(
    async (answer: CatchUp) => {
      if (!answer.ok) return;
      if ("reload" in answer) return reloadSnapshot();
      const { state: next, gap } = applyEvents(stateRef.current, answer.events);
      commit(next);
      if (answer.events.some((message) => reshapesPage(message.event))) onStructureChange.current?.();
      if (gap) await reloadSnapshot();
    },
    [commit, reloadSnapshot],
  );

  const catchUp = useCallback(async () => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      const answer = checkedAck("plan:sync", await sharedSocket().timeout(10_000).emitWithAck("plan:sync", { planId, afterSeq: stateRef.current.seq }));
      await applyCatchUp(answer);
    } catch {
      // The next reconnect or event tries again.
    } finally {
      syncing.current = false;
    }
  }, [planId, applyCatchUp]);

  useEffect(() => {
    const socket = sharedSocket();
    const join = async () => {
      setConnection("live");
      try {
        // A contract violation (development and tests) counts as a failed join, like a timeout.
        const answer = checkedAck("plan:join", await socket.timeout(10_000).emitWithAck("plan:join", { planId, lastSeq: stateRef.current.seq }));
        // Refused on a reconnect: access ended while this page was away.
        if (!answer.ok && (answer.status === 403 || answer.status === 404)) return setConnection("removed");
        await applyCatchUp(answer);
      } catch {
        setConnection("reconnecting");
      }
    };
    // Ticks arrive as deltas on the item this page holds; without that base (or after a gap) it asks for the log's events.
    const onEvent = (wire: PlanEventWire) => {
      if (!isValidServerEvent("plan:event", wire) || wire.planId !== planId) return;
      const receipt = receiveLiveEvent(stateRef.current, wire);
      if (receipt.outcome === "applied") {
        commit(receipt.state);
        onRemoteEvent.current?.(receipt.message);
        if (reshapesPage(receipt.message.event)) onStructureChange.current?.();
      } else if (receipt.outcome === "resync") void catchUp();
    };
    // Deltas per app process; a number skipped means one was missed, and every process sends its full list again.
    const onPresence = (message: PresenceMessage) => {
      if (!isValidServerEvent("plan:presence", message) || message.planId !== planId) return;
      const receivedAt = Date.now();
      const { state: next, resync } = withPresenceMessage(presenceRef.current, message, receivedAt);
      presenceRef.current = next;
      setPresenceBySource(next);
      setNow(receivedAt);
      if (resync) socket.emit("plan:presence-resync", { planId });
    };
    const onAccessLost = (notice: AccessLost) => {
      if (isValidServerEvent("plan:access-lost", notice) && notice.planId === planId) setConnection("removed");
    };
    // The server ending the connection (revoked link, deactivated account) is final: the client
    // does not reconnect by itself, so the page says offline rather than reconnecting.
    const onDisconnect = (reason: string) => setConnection(reason === "io server disconnect" ? "offline" : "reconnecting");
    const onConnectError = (error: Error) => setConnection(isRetriableRefusal(error) ? "unavailable" : navigator.onLine ? "reconnecting" : "offline");
    // The room's heartbeat: behind without having seen the events (lost between app processes), so ask for them.
    const onHead = (head: PlanHead) => {
      if (isValidServerEvent("plan:head", head) && head.planId === planId && head.seq > stateRef.current.seq) void catchUp();
    };

    socket.on("connect", join);
    socket.on("plan:event", onEvent);
    socket.on("plan:presence", onPresence);
    socket.on("plan:access-lost", onAccessLost);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    socket.on("plan:head", onHead);
    if (socket.connected) void join();
    return () => {
      socket.emit("plan:leave", { planId });
      socket.off("connect", join);
      socket.off("plan:event", onEvent);
      socket.off("plan:presence", onPresence);
      socket.off("plan:access-lost", onAccessLost);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
      socket.off("plan:head", onHead);
    };
  }, [planId, applyCatchUp, catchUp, commit]);

  // Components outside the page's live plan (its header) read the same state.
  useEffect(() => publishLiveState(state), [state]);
  useEffect(() => () => forgetLiveState(planId), [planId]);

  usePresenceIdle(planId, connection === "live");
  // Lists of processes that stopped repeating them (a restarted server) expire.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), PRESENCE_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const presence: PresenceEntry[] = useMemo(() => mergedPresence(presenceBySource, now), [presenceBySource, now]);

  /**
   * Sends a change; resolves with the server's answer. A click in the moment the page is still
   * connecting waits for the connection (a few seconds at most); past that it is refused with a
   * message, never queued silently.
   */
  const sendChange = useCallback(
    async (change: PlanChange): Promise<ChangeAnswer> => {
      const socket = sharedSocket();
      if (!socket.connected) await connected(socket, CONNECT_WAIT_MS);
      if (!socket.connected) {
        return { ok: false, status: 503, error: { code: "internal", message: "You are offline; the change was not sent. Try again when the connection is back." } };
      }
      try {
        let answer: ChangeAnswer = checkedAck("plan:change", await socket.timeout(15_000).emitWithAck("plan:change", { planId, change }));
        // The database is unavailable: the change was not saved. Sent again as it was (same
        // item version, so it can never apply twice) while the page says so, for a minute.
        const giveUpAt = Date.now() + UNAVAILABLE_RETRY_MS;
        while (!answer.ok && answer.status === 503 && answer.error.code === "unavailable" && Date.now() < giveUpAt) {
          setConnection("unavailable");
          const waitSeconds = Math.min(answer.retryAfterSeconds ?? 5, 5);
          await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
          if (!socket.connected) await connected(socket, CONNECT_WAIT_MS);
          answer = checkedAck("plan:change", await socket.timeout(15_000).emitWithAck("plan:change", { planId, change }));
          if (answer.ok || answer.status !== 503) setConnection(socket.connected ? "live" : "reconnecting");
        }
        if (!answer.ok && answer.status === 503 && answer.error.code === "unavailable") {
          answer = { ...answer, error: { ...answer.error, message: "The database is unavailable; your change was not saved. Try again in a moment." } };
        }
        if (answer.ok) {
          const outcome = classifyEvent(stateRef.current, answer.message);
          if (outcome === "applied") commit(applyEvent(stateRef.current, answer.message));
          else if (outcome === "gap") void catchUp();
        } else if (answer.status === 409) {
          void catchUp();
        }
        return answer;
      } catch (error) {
        if (error instanceof ContractViolation) return { ok: false, status: 502, error: { code: "internal", message: "The server's answer was not understood. Check the item before trying again." } };
        return { ok: false, status: 504, error: { code: "internal", message: "The server did not confirm the change in time. Check the item before trying again." } };
      }
    },
    [planId, commit, catchUp],
  );

  /** An item's version as this page holds it now, ahead of React's next render (a change chained after another needs it at once). */
  const currentItemVersion = useCallback((itemId: string): number | undefined => stateRef.current.items[itemId]?.version, []);

  return { state, connection, presence, sendChange, currentItemVersion };
}

const IDLE_AFTER_MS = 60_000;
const CONNECT_WAIT_MS = 5_000;
const UNAVAILABLE_RETRY_MS = 60_000;

function connected(socket: ReturnType<typeof sharedSocket>, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      socket.off("connect", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    socket.once("connect", done);
  });
}

/** Tells the others whether this person is idle (tab hidden, or no input for a minute). */
function usePresenceIdle(planId: string, live: boolean) {
  const visible = useSyncExternalStore(
    (notify) => {
      document.addEventListener("visibilitychange", notify);
      return () => document.removeEventListener("visibilitychange", notify);
    },
    () => document.visibilityState === "visible",
    () => true,
  );
  const [inactive, setInactive] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setInactive(true), IDLE_AFTER_MS);
    const activity = () => {
      clearTimeout(timer);
      setInactive(false);
      timer = setTimeout(() => setInactive(true), IDLE_AFTER_MS);
    };
    const events = ["pointerdown", "keydown", "pointermove"] as const;
    events.forEach((name) => window.addEventListener(name, activity, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, activity));
    };
  }, []);
  const idle = !visible || inactive;
  useEffect(() => {
    if (live) sharedSocket().emit("plan:presence", { planId, idle });
  }, [planId, idle, live]);
}

/** Events after which the server's render of the page differs: structural edits, edits of the document's other parts, and a step's HTTP check set or removed. */
function reshapesPage(event: { type: string }): boolean {
  return isStructureEvent(event) || isDocumentPartEvent(event) || event.type === "item.checkSet";
}
