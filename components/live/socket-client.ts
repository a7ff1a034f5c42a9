"use client";

import { io, type Socket } from "socket.io-client";
import { retryRefusedHandshakes } from "@/lib/realtime/handshake-retry";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/socket-contract";

/** The browser's socket, typed with the contract (lib/realtime/socket-contract.ts). */
export type PreflightSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket.io connection per browser tab, shared by every live component. It connects to
 * the page's own origin with the session cookie and reconnects by itself, also after a
 * handshake refused because the server's database was unavailable.
 */
let socket: PreflightSocket | undefined;
let shareToken: string | undefined;

/** On a share page: the connection authenticates with the link's token instead of a session. Call before the first sharedSocket(). */
export function setSocketShareToken(token: string): void {
  shareToken = token;
}

export function sharedSocket(): PreflightSocket {
  if (!socket) {
    // WebSocket first: one connection, so it stays with one app worker (lib/realtime/worker-sessions.ts);
    // long-polling only where WebSockets are blocked.
    socket = io({ path: "/socket.io", transports: ["websocket", "polling"], tryAllTransports: true, withCredentials: true, reconnectionDelayMax: 5_000, ...(shareToken ? { auth: { shareToken } } : {}) });
    retryRefusedHandshakes(socket);
  }
  return socket;
}
