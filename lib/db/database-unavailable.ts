/**
 * Whether an error means "the database cannot be reached right now" (stopped, restarting,
 * refusing connections, or it closed ours) rather than "this request is wrong". Such errors
 * become a 503 the caller may retry, not a 500. They arrive in several shapes: pg's own
 * errors (socket codes, SQLSTATE classes 08 and 57P, plain messages for a dropped
 * connection), and Prisma's wrappers of them (P1001 and kin, with the driver error inside).
 */

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable; try again in a moment.";

/** What a 503 for an outage tells the caller (Retry-After, and the socket's retryAfterSeconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ECONNABORTED"]);
/** Prisma: can't reach, timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** SQLSTATE 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 53300 too many connections; class 08 is connection exceptions. */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
/** Prisma's driver adapter error kinds for the same situations. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** pg raises these as plain Errors without a code. Fixed strings, compared with includes(). */
const PG_MESSAGES = [
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Cannot use a pool after calling end on the pool",
  // SQLSTATE 55000 is broad; this is its message when the database refuses new connections
  // (ALTER DATABASE … ALLOW_CONNECTIONS false, as during maintenance).
  "is not currently accepting connections",
];

export function isDatabaseUnavailable(error: unknown): boolean {
  // Causes nest (Prisma error → driver adapter error → pg error); a few levels suffice, and a
  // bound keeps a cyclic cause chain from looping.
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; errorCode?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    // Prisma's initialization errors carry their code as `errorCode`.
    const code = typeof candidate.code === "string" ? candidate.code : typeof candidate.errorCode === "string" ? candidate.errorCode : undefined;
    if (code && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof candidate.kind === "string" && ADAPTER_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.originalCode === "string" && SQLSTATE.test(candidate.originalCode)) return true;
    if (typeof candidate.message === "string" && PG_MESSAGES.some((text) => (candidate.message as string).includes(text))) return true;
    // An AggregateError (a connection attempt to several addresses) carries its causes in `errors`.
    const nested = (current as { errors?: unknown }).errors;
    if (Array.isArray(nested) && nested.some(isDatabaseUnavailable)) return true;
    current = candidate.meta?.driverAdapterError ?? candidate.cause;
  }
  return false;
}
