import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, HandshakeRefusal, ServerToClientEvents } from "@/lib/realtime/socket-contract";

/** A handshake the server refused for lack of its database (not for a missing or ended session). */
export function isRetriableRefusal(error: unknown): error is Error & { data: HandshakeRefusal } {
  const data = (error as { data?: Partial<HandshakeRefusal> } | null)?.data;
  return data?.retriable === true;
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 5_000;

/** 1 s, 2 s, 4 s, then every 5 s, each ±50 % so that many pages do not come back in step. */
export function handshakeRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.5 + random()));
}

/**
 * socket.io-client retries lost connections by itself, but never a handshake the server's
 * middleware refused: that refusal is meant to be final (a missing session). A refusal marked
 * retriable (the database was unavailable) is tried again here, with backoff, until the
 * socket connects or is closed on purpose. Returns a function that stops retrying.
 */
export function retryRefusedHandshakes(socket: Socket<ServerToClientEvents, ClientToServerEvents>): () => void {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onConnectError = (error: Error) => {
    // `active`: socket.io-client is already reconnecting on its own (a transport problem).
    if (!isRetriableRefusal(error) || socket.active) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!socket.connected && !socket.active) socket.connect();
    }, handshakeRetryDelayMs(attempt++));
  };
  const onConnect = () => {
    attempt = 0;
    clearTimeout(timer);
  };
  socket.on("connect_error", onConnectError);
  socket.on("connect", onConnect);
  return () => {
    clearTimeout(timer);
    socket.off("connect_error", onConnectError);
    socket.off("connect", onConnect);
  };
}
