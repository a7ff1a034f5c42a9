"use client";

import { io, type Socket } from "socket.io-client";

/**
 * One socket.io connection per browser tab, shared by every live component. It connects to
 * the page's own origin with the session cookie and reconnects by itself.
 */
let socket: Socket | undefined;

export function sharedSocket(): Socket {
  socket ??= io({ path: "/socket.io", withCredentials: true, reconnectionDelayMax: 5_000 });
  return socket;
}
