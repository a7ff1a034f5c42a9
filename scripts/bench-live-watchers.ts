/**
 * One watcher process of `npm run bench:live` (forked by scripts/bench-live.ts; not run by hand)
 * and of `npm run bench:live:public` (transpiled to plain JavaScript and forked by
 * scripts/bench-watcher-control.ts, so it must not rely on anything but socket.io-client).
 * It holds a share of the watcher sockets: real socket.io clients with a session cookie, each
 * joined to its plan with an acknowledged `plan:join`, as a browser tab would be. It records,
 * per broadcast `plan:event`, how many of its sockets have it and when the first and the last
 * got it (process.hrtime, CLOCK_MONOTONIC, the clock every process on the machine shares), and
 * whether each socket saw the plan's seq go up by exactly 1.
 *
 * Protocol with the parent (IPC): the parent sends `start`, the child answers `ready` once
 * every socket has joined; then `mark` (reset counters), `count`, `collect`, `stop`. The child
 * sends `got` when all of its sockets on the tracked plan have an event.
 */
import { io as connect, type Socket } from "socket.io-client";

export interface WatcherGroup {
  url: string;
  planId: string;
  count: number;
  /** Session cookies; socket i uses cookies[i % cookies.length]. */
  cookies: string[];
  /** Sent as the handshake's Origin header, as a browser tab on the app's page does (optional). */
  origin?: string;
  /**
   * The plan's seq when the watcher opened it: joined with `plan:join {planId, lastSeq}` as the
   * browser does (the server catches it up), and the base of the in-order check. Without it
   * the plan is taken as fresh (first event seq 1) and the join carries no lastSeq.
   */
  lastSeq?: number;
}

export interface WatcherStart {
  type: "start";
  groups: WatcherGroup[];
  /** Report `got` per seq for this plan (the latency phase); other plans are only counted. */
  trackPlanId?: string;
  /** Concurrent handshakes while connecting. */
  batch: number;
}

export type ParentMessage = WatcherStart | { type: "mark" } | { type: "count" } | { type: "collect" } | { type: "stop" };

export interface WatcherCounts {
  type: "count";
  received: number;
  presence: number;
  disconnects: number;
}

export interface WatcherResult {
  type: "result";
  /** [seq, receives, first receive ms, last receive ms] for the tracked plan, since `mark`. */
  ticks: [number, number, number, number][];
  received: number;
  /** Receives whose seq was not the socket's previous seq + 1: backwards/duplicate, and forward jumps. */
  backwards: number;
  gaps: number;
  presence: number;
  disconnects: number;
  cpuMs: number;
}

export type ChildMessage =
  | { type: "ready"; sockets: number; joinFailures: number; refused: number; connectMs: number }
  | { type: "got"; seq: number }
  | WatcherCounts
  | WatcherResult
  | { type: "error"; message: string };

/** Only planId and seq are read, so a smaller event (only what changed) is counted just the same. */
interface EventMessage {
  planId?: string;
  seq: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const MAX_ATTEMPTS = 30;
/** 1–3 s, growing with the attempt, up to 5–15 s. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, (1000 + Math.random() * 2000) * Math.min(attempt, 5)));
const send = (message: ChildMessage) => process.send?.(message);

async function run(start: WatcherStart) {
  const sockets: Socket[] = [];
  const tracked = start.groups.filter((group) => group.planId === start.trackPlanId).reduce((sum, group) => sum + group.count, 0);
  const ticks = new Map<number, [number, number, number]>();
  let received = 0;
  let backwards = 0;
  let gaps = 0;
  let presence = 0;
  let disconnects = 0;
  let joinFailures = 0;
  let refused = 0;
  let cpu0 = process.cpuUsage();

  /**
   * One watcher: connect, then join. Like a browser tab that keeps trying, it retries a refused
   * handshake (the server answers "unauthenticated" when its session lookup times out under load)
   * and a failed or unanswered join, after a pause; both are counted and reported.
   */
  const open = async (group: WatcherGroup, index: number) => {
    for (let attempt = 1; ; attempt += 1) {
      const socket = connect(group.url, {
        path: "/socket.io",
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        timeout: 600_000,
        extraHeaders: { cookie: group.cookies[index % group.cookies.length]!, ...(group.origin ? { origin: group.origin } : {}) },
      });
      const connected = await new Promise<boolean>((resolve) => {
        socket.once("connect", () => resolve(true));
        socket.once("connect_error", () => resolve(false));
      });
      if (connected) return join(socket, group);
      socket.close();
      refused += 1;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`handshake refused ${attempt} times`);
      await pause(attempt);
    }
  };

  const join = async (socket: Socket, group: WatcherGroup) => {
    sockets.push(socket);
    let lastSeq = group.lastSeq ?? 0; // without a base, the plan is fresh: its first event is seq 1
    socket.on("plan:event", (message: EventMessage) => {
      const t = now();
      received += 1;
      if (message.seq <= lastSeq) backwards += 1;
      else if (message.seq !== lastSeq + 1) gaps += 1;
      lastSeq = Math.max(lastSeq, message.seq);
      // Each socket joins one plan, so an event without planId is that plan's.
      if ((message.planId ?? group.planId) !== start.trackPlanId) return;
      const entry = ticks.get(message.seq);
      if (entry) {
        entry[0] += 1;
        entry[2] = t;
      } else ticks.set(message.seq, [1, t, t]);
      if ((entry ? entry[0] : 1) === tracked) send({ type: "got", seq: message.seq });
    });
    socket.on("plan:presence", () => {
      presence += 1;
    });
    socket.on("disconnect", () => {
      disconnects += 1;
    });
    for (let attempt = 1; ; attempt += 1) {
      const answer = (await socket
        .timeout(120_000)
        .emitWithAck("plan:join", group.lastSeq === undefined ? { planId: group.planId } : { planId: group.planId, lastSeq: group.lastSeq })
        .catch(() => ({ ok: false }))) as { ok: boolean };
      if (answer?.ok) return;
      joinFailures += 1;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`plan:join failed ${attempt} times`);
      await pause(attempt);
    }
  };

  const started = now();
  const queue = start.groups.flatMap((group) => Array.from({ length: group.count }, (_, index) => () => open(group, index)));
  for (let i = 0; i < queue.length; i += start.batch) {
    await Promise.all(queue.slice(i, i + start.batch).map((task) => task()));
  }
  send({ type: "ready", sockets: sockets.length, joinFailures, refused, connectMs: now() - started });

  process.on("message", (message: ParentMessage) => {
    if (message.type === "mark") {
      ticks.clear();
      received = 0;
      cpu0 = process.cpuUsage();
    } else if (message.type === "count") {
      send({ type: "count", received, presence, disconnects });
    } else if (message.type === "collect") {
      const cpu = process.cpuUsage(cpu0);
      send({
        type: "result",
        ticks: [...ticks].map(([seq, [count, first, last]]) => [seq, count, first, last]),
        received,
        backwards,
        gaps,
        presence,
        disconnects,
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    } else if (message.type === "stop") {
      // Exit without closing each socket: the kernel closes them all at once, which spares the
      // server a presence broadcast per socket to everyone still connected.
      process.exit(0);
    }
  });
}

process.on("disconnect", () => process.exit(0)); // the parent went away: do not linger
process.once("message", (message: ParentMessage) => {
  if (message.type !== "start") return;
  run(message).catch((error: unknown) => {
    send({ type: "error", message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
});
