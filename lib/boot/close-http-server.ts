import type { Server } from "node:http";

/**
 * Stops an HTTP server taking new connections and closes its idle keep-alive ones at once,
 * so that a browser's open but quiet connection does not hold the shutdown up. Returns a
 * function that waits for the requests still running to finish, up to `graceMs`, and then
 * closes whatever connections remain.
 */
export function stopAccepting(server: Server): (graceMs: number) => Promise<void> {
  const closed = new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
  server.closeIdleConnections();
  return async (graceMs) => {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([closed, grace]).finally(() => clearTimeout(timer));
    server.closeAllConnections();
    await closed;
  };
}
