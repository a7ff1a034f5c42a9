import { io as connect, type Socket } from "socket.io-client";
import type { PlanEventMessage, PlanEventWire } from "@/lib/plan-state/events";
import { receiveLiveEvent } from "@/lib/plan-state/live-delta";
import { applyEvents, type PlanLiveState } from "@/lib/plan-state/live-state";
import type { ClientToServerEvents, PlanHead, ServerToClientEvents } from "@/lib/realtime/socket-contract";
import { isRetriableRefusal, retryRefusedHandshakes } from "@/lib/realtime/handshake-retry";
import { sessionCookie } from "@/lib/testing/live-harness";

/**
 * Clients that behave as the plan page does, for fault tests: each keeps the plan's state it
 * has applied and the sequence number it has reached (lastSeq), applies events strictly in
 * order, and catches up after a break (plan:join with lastSeq over the socket,
 * GET /api/plans/:id/events?cursor=N over HTTP, page by page). Every event they ever applied is kept, so a
 * test can say exactly which changes reached them and that none arrived twice.
 */
export class FollowedPlan {
  readonly applied: PlanEventMessage[] = [];

  constructor(public state: PlanLiveState) {}

  get lastSeq(): number {
    return this.state.seq;
  }

  /** Applies the events that continue this state; old ones are ignored, and a gap waits for a catch-up. */
  apply(messages: readonly PlanEventMessage[]): void {
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
      if (message.seq !== this.state.seq + 1) continue;
      const { state } = applyEvents(this.state, [message]);
      this.state = state;
      this.applied.push(message);
    }
  }

  /** Applies a live broadcast as the page does (a tick arrives as a delta); "resync" when it needs the log's events first. */
  receive(wire: PlanEventWire): "applied" | "duplicate" | "resync" {
    const receipt = receiveLiveEvent(this.state, wire);
    if (receipt.outcome !== "applied") return receipt.outcome;
    this.state = receipt.state;
    this.applied.push(receipt.message);
    return "applied";
  }
}

export interface ChangeOutcome {
  /** 201 when recorded; otherwise the refusal's status, or null when no answer came (the connection broke). */
  status: number | null;
  seq?: number;
  message?: string;
  /** What the refusal said about trying again: Retry-After over HTTP, retryAfterSeconds over the socket. */
  retryAfterSeconds?: number;
}

/** GET/POST against the real server with a session cookie, as a script would. */
export class HttpPlanClient {
  private constructor(
    private baseUrl: string,
    private cookie: string,
    readonly planId: string,
    readonly plan: FollowedPlan,
  ) {}

  static async open(baseUrl: string, user: { id: string; name: string }, planId: string): Promise<HttpPlanClient> {
    const cookie = await sessionCookie(user.id, user.name);
    const client = new HttpPlanClient(baseUrl, cookie, planId, new FollowedPlan(await fetchLiveState(baseUrl, cookie, planId)));
    return client;
  }

  /** Points the client at a restarted server; its state stays. */
  moveTo(baseUrl: string): void {
    this.baseUrl = baseUrl;
  }

  async change(change: unknown): Promise<ChangeOutcome> {
    try {
      const response = await fetch(`${this.baseUrl}/api/plans/${this.planId}/changes`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: this.baseUrl, cookie: this.cookie },
        body: JSON.stringify(change),
      });
      const body = (await response.json().catch(() => null)) as { event?: PlanEventMessage; error?: { message: string } } | null;
      if (response.status === 201 && body?.event) return { status: 201, seq: body.event.seq };
      const retryAfter = response.headers.get("retry-after");
      return { status: response.status, message: body?.error?.message, ...(retryAfter ? { retryAfterSeconds: Number(retryAfter) } : {}) };
    } catch {
      return { status: null };
    }
  }

  /** Fetches and applies every event after lastSeq. */
  async catchUp(): Promise<void> {
    for (let cursor: string | null = String(this.plan.lastSeq); cursor !== null; ) {
      const response = await fetch(`${this.baseUrl}/api/plans/${this.planId}/events?cursor=${cursor}&limit=500`, { headers: { cookie: this.cookie } });
      if (!response.ok) throw new Error(`catch-up answered ${response.status}`);
      const page = (await response.json()) as { items: PlanEventMessage[]; nextCursor: string | null };
      this.plan.apply(page.items);
      cursor = page.nextCursor;
    }
  }

  liveState(): Promise<PlanLiveState> {
    return fetchLiveState(this.baseUrl, this.cookie, this.planId);
  }

  health(): Promise<number> {
    return fetch(`${this.baseUrl}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
  }
}

/**
 * A socket.io client in the plan's room, applying broadcasts as they come. Like the page, it
 * asks for what it missed when the room's heartbeat says it is behind, and keeps retrying a
 * handshake refused for lack of the database.
 */
export class SocketPlanClient {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  /** Sequence numbers that arrived as live broadcasts (plan:event), not through a catch-up. */
  readonly receivedLive = new Set<number>();
  /** Sequence numbers fetched with plan:sync after a heartbeat showed a gap. */
  readonly receivedBySync = new Set<number>();
  /** Handshakes the server refused as retriable (its database was unavailable). */
  refusedHandshakes = 0;

  private constructor(
    private readonly user: { id: string; name: string },
    readonly planId: string,
    readonly plan: FollowedPlan,
  ) {}

  /**
   * Starts from a snapshot read over HTTP, as the page does, then joins. `snapshot`: a state
   * read earlier (a page rendered before the database went away, connecting now).
   */
  static async open(baseUrl: string, user: { id: string; name: string }, planId: string, snapshot?: PlanLiveState): Promise<SocketPlanClient> {
    const cookie = await sessionCookie(user.id, user.name);
    const client = new SocketPlanClient(user, planId, new FollowedPlan(snapshot ?? (await fetchLiveState(baseUrl, cookie, planId))));
    await client.connect(baseUrl);
    return client;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Connects (again) and joins with lastSeq, applying the events missed meanwhile. */
  async connect(baseUrl: string): Promise<void> {
    this.socket?.close();
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(baseUrl, {
      path: "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: await sessionCookie(this.user.id, this.user.name) },
    });
    this.socket = socket;
    retryRefusedHandshakes(socket);
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        if (isRetriableRefusal(error)) return void (this.refusedHandshakes += 1);
        socket.off("connect_error", onError);
        reject(error);
      };
      socket.once("connect", () => {
        socket.off("connect_error", onError);
        resolve();
      });
      socket.on("connect_error", onError);
    });
    socket.on("plan:event", (message: PlanEventWire) => {
      if (message.planId !== this.planId) return;
      const outcome = this.plan.receive(message);
      if (outcome === "applied") this.receivedLive.add(message.seq);
      else if (outcome === "resync") void this.sync();
    });
    socket.on("plan:head", (head: PlanHead) => {
      if (head.planId === this.planId && head.seq > this.plan.lastSeq) void this.sync();
    });
    const answer = await socket.timeout(60_000).emitWithAck("plan:join", { planId: this.planId, lastSeq: this.plan.lastSeq });
    if (!answer.ok || !("events" in answer)) throw new Error(`plan:join answered ${JSON.stringify(answer)}`);
    this.plan.apply(answer.events);
  }

  private syncing = false;

  /** Fetches the events after lastSeq (plan:sync), as the page does when it learns it is behind. */
  async sync(): Promise<void> {
    if (this.syncing || !this.socket?.connected) return;
    this.syncing = true;
    try {
      const answer = await this.socket.timeout(30_000).emitWithAck("plan:sync", { planId: this.planId, afterSeq: this.plan.lastSeq });
      if (answer.ok && "events" in answer) {
        const before = this.plan.lastSeq;
        this.plan.apply(answer.events);
        for (const message of answer.events) if (message.seq > before && message.seq <= this.plan.lastSeq) this.receivedBySync.add(message.seq);
      }
    } catch {
      // The next heartbeat tries again.
    } finally {
      this.syncing = false;
    }
  }

  /** Goes offline: no more events until connect() again. */
  disconnect(): void {
    this.socket?.close();
    this.socket = null;
  }

  async change(change: unknown): Promise<ChangeOutcome> {
    if (!this.socket?.connected) return { status: null };
    try {
      // Rejects when the connection drops before the answer, as well as on the (generous) timeout.
      const answer = await this.socket.timeout(60_000).emitWithAck("plan:change", { planId: this.planId, change });
      if (answer.ok) {
        this.plan.apply([answer.message]);
        return { status: 201, seq: answer.message.seq };
      }
      return { status: answer.status, message: answer.error.message, ...(answer.retryAfterSeconds !== undefined ? { retryAfterSeconds: answer.retryAfterSeconds } : {}) };
    } catch {
      return { status: null };
    }
  }
}

async function fetchLiveState(baseUrl: string, cookie: string, planId: string): Promise<PlanLiveState> {
  const response = await fetch(`${baseUrl}/api/plans/${planId}/live`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET /live answered ${response.status}`);
  return ((await response.json()) as { state: PlanLiveState }).state;
}
