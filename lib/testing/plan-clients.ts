import { io as connect, type Socket } from "socket.io-client";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import { applyEvents, type PlanLiveState } from "@/lib/plan-state/live-state";
import type { CatchUp, ChangeAnswer } from "@/lib/realtime/socket-protocol";
import { sessionCookie } from "@/lib/testing/live-harness";

/**
 * Clients that behave as the plan page does, for fault tests: each keeps the plan's state it
 * has applied and the sequence number it has reached (lastSeq), applies events strictly in
 * order, and catches up after a break (plan:join with lastSeq over the socket,
 * GET /api/plans/:id/events?after=N over HTTP). Every event they ever applied is kept, so a
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
}

export interface ChangeOutcome {
  /** 201 when recorded; otherwise the refusal's status, or null when no answer came (the connection broke). */
  status: number | null;
  seq?: number;
  message?: string;
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
      return { status: response.status, message: body?.error?.message };
    } catch {
      return { status: null };
    }
  }

  /** Fetches and applies every event after lastSeq. */
  async catchUp(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/plans/${this.planId}/events?after=${this.plan.lastSeq}`, { headers: { cookie: this.cookie } });
    if (!response.ok) throw new Error(`catch-up answered ${response.status}`);
    this.plan.apply(((await response.json()) as { events: PlanEventMessage[] }).events);
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

/** A socket.io client in the plan's room, applying broadcasts as they come. */
export class SocketPlanClient {
  private socket: Socket | null = null;

  private constructor(
    private readonly user: { id: string; name: string },
    readonly planId: string,
    readonly plan: FollowedPlan,
  ) {}

  /** Starts from a snapshot read over HTTP, as the page does, then joins. */
  static async open(baseUrl: string, user: { id: string; name: string }, planId: string): Promise<SocketPlanClient> {
    const cookie = await sessionCookie(user.id, user.name);
    const client = new SocketPlanClient(user, planId, new FollowedPlan(await fetchLiveState(baseUrl, cookie, planId)));
    await client.connect(baseUrl);
    return client;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Connects (again) and joins with lastSeq, applying the events missed meanwhile. */
  async connect(baseUrl: string): Promise<void> {
    this.socket?.close();
    const socket = connect(baseUrl, {
      path: "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: await sessionCookie(this.user.id, this.user.name) },
    });
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (error) => reject(error));
    });
    socket.on("plan:event", (message: PlanEventMessage) => {
      if (message.planId === this.planId) this.plan.apply([message]);
    });
    const answer = (await socket.timeout(60_000).emitWithAck("plan:join", { planId: this.planId, lastSeq: this.plan.lastSeq })) as CatchUp;
    if (!answer.ok || !("events" in answer)) throw new Error(`plan:join answered ${JSON.stringify(answer)}`);
    this.plan.apply(answer.events);
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
      const answer = (await this.socket.timeout(60_000).emitWithAck("plan:change", { planId: this.planId, change })) as ChangeAnswer;
      if (answer.ok) {
        this.plan.apply([answer.message]);
        return { status: 201, seq: answer.message.seq };
      }
      return { status: answer.status, message: answer.error.message };
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
