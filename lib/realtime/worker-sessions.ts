import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { request as httpRequest, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import { connect, createServer as createNetServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Duplex } from "node:stream";

/**
 * socket.io sessions in a cluster of workers (lib/boot/cluster-primary.ts).
 *
 * Node's cluster hands each new TCP connection to the next worker, and a WebSocket lives on
 * one connection, so a client that opens with a WebSocket (the browser's socket does, see
 * components/live/socket-client.ts) stays with one worker by construction. HTTP long-polling,
 * the fallback where WebSockets are blocked, is a series of requests that may arrive on any
 * worker, but only the worker that opened the session knows it. So each worker names its
 * sessions after itself (`w<id>_…`, through engine.io's generateId hook), and a worker that
 * receives a request for another worker's session passes it on, over that worker's Unix
 * socket, to the worker that owns it. A session whose worker is gone gets engine.io's own
 * "Session ID unknown", and the client starts a new one.
 *
 * No request is read twice and no byte of a WebSocket passes through the primary: the primary
 * never reads a connection (Node's cluster scheduling passes the handle untouched), which is
 * why this is not done with a sticky-session balancer that reads the first request in the
 * primary and hands the socket over after.
 */

const SOCKET_IO_PATH = "/socket.io/";
/** `w<worker id>_<random>`: the worker id is cluster.worker.id, a small integer. */
const SESSION_OWNER = /^w(\d{1,9})_/;

/** Where a worker takes requests for its own sessions from the other workers. */
export function workerSocketPath(primaryPid: number, workerId: number): string {
  return join(tmpdir(), `preflight-${primaryPid}-w${workerId}.sock`);
}

/** A new engine.io session id that names its worker. */
export function sessionIdOfWorker(workerId: number): string {
  return `w${workerId}_${randomBytes(15).toString("base64url")}`;
}

/** The worker that owns the session a socket.io request names, or null when it names none. */
export function sessionOwnerOf(url: string | undefined): number | null {
  if (!url?.startsWith(SOCKET_IO_PATH)) return null;
  const query = url.indexOf("?");
  if (query < 0) return null;
  const sid = new URLSearchParams(url.slice(query + 1)).get("sid");
  const owner = sid ? SESSION_OWNER.exec(sid) : null;
  return owner ? Number(owner[1]) : null;
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;
type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Routes this worker's HTTP server so that a socket.io request for another worker's session
 * goes to that worker, and opens this worker's Unix socket for the others. Call after
 * socket.io is attached (it wraps the listeners already there, socket.io's included).
 * Returns a function that closes the Unix socket.
 */
export async function routeSessionsToTheirWorkers(httpServer: HttpServer, options: { workerId: number; socketPathOf: (workerId: number) => string }): Promise<() => Promise<void>> {
  const { workerId, socketPathOf } = options;
  const foreignOwner = (request: IncomingMessage) => {
    const owner = sessionOwnerOf(request.url);
    return owner !== null && owner !== workerId ? owner : null;
  };

  const requestListeners = httpServer.listeners("request") as RequestListener[];
  httpServer.removeAllListeners("request");
  httpServer.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const owner = foreignOwner(request);
    if (owner !== null) return forwardRequest(request, response, socketPathOf(owner));
    for (const listener of requestListeners) listener.call(httpServer, request, response);
  });
  const upgradeListeners = httpServer.listeners("upgrade") as UpgradeListener[];
  httpServer.removeAllListeners("upgrade");
  httpServer.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const owner = foreignOwner(request);
    if (owner !== null) return forwardUpgrade(request, socket, head, socketPathOf(owner));
    for (const listener of upgradeListeners) listener.call(httpServer, request, socket, head);
  });

  // The other workers' requests for this worker's sessions arrive here and are served as any other.
  const path = socketPathOf(workerId);
  rmSync(path, { force: true });
  const internal = createNetServer((socket) => httpServer.emit("connection", socket));
  await new Promise<void>((resolve, reject) => {
    internal.once("error", reject);
    // exclusive: this worker's own socket, not one shared through the primary as cluster does by default.
    internal.listen({ path, exclusive: true }, resolve);
  });
  return () => new Promise<void>((resolve) => internal.close(() => resolve()));
}

/** What engine.io answers for a session it does not know; the client then opens a new one. */
function answerSessionUnknown(response: ServerResponse): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(400, { "Content-Type": "application/json" });
  response.end(JSON.stringify({ code: 1, message: "Session ID unknown" }));
}

function forwardRequest(request: IncomingMessage, response: ServerResponse, socketPath: string): void {
  const forwarded = httpRequest({ socketPath, method: request.method, path: request.url, headers: request.headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  // The owner is gone (it died, or is being replaced): the session went with it.
  forwarded.on("error", () => answerSessionUnknown(response));
  response.on("close", () => forwarded.destroy());
  request.pipe(forwarded);
}

function forwardUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, socketPath: string): void {
  const upstream: Socket = connect(socketPath, () => {
    // The upgrade request as it came, then both directions piped as they are.
    const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
    for (let index = 0; index < request.rawHeaders.length; index += 2) lines.push(`${request.rawHeaders[index]}: ${request.rawHeaders[index + 1]}`);
    upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on("error", () => socket.destroy());
  socket.on("error", () => upstream.destroy());
  socket.on("close", () => upstream.destroy());
  upstream.on("close", () => socket.destroy());
}
