import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { settings } from "@/lib/env";
import { decideTarget, parseAllowedHosts, type AllowedHosts } from "@/lib/outbound/address-policy";

/**
 * Outgoing HTTP for anything a user can point at a URL (webhooks, step checks), behind the
 * address policy. Each hop resolves the host, checks every address, and then connects to the
 * checked address itself (a custom `lookup`), so a DNS answer that changes between the check
 * and the connection (DNS rebinding) cannot lead it elsewhere. Redirects are followed by hand,
 * each checked the same way. The response is read up to a cap; the rest is never downloaded.
 */

export const MAX_REDIRECTS = 5;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024;

/** The target is refused by the address policy (a private address, a bad scheme…). Not worth retrying. */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefusedError";
  }
}

/** The request could not be completed (connection refused, time-out, too many redirects). */
export class OutboundRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRequestError";
  }
}

export interface GuardedRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
  headers?: Record<string, string>;
  body?: string;
  /** For the whole exchange, redirects included. */
  timeoutMs?: number;
  /** How much of the response body is read; the excerpt is this long at most. */
  maxResponseBytes?: number;
  /** The admin's exceptions; WEBHOOK_ALLOWED_HOSTS when not given. */
  allowedHosts?: AllowedHosts;
}

export interface GuardedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The first `maxResponseBytes` of the body, as UTF-8 text. */
  excerpt: string;
  /** True when the body was longer than what was read. */
  truncated: boolean;
  durationMs: number;
  /** The URL that answered, after redirects. */
  url: string;
}

let configuredAllowedHosts: AllowedHosts | undefined;

/** WEBHOOK_ALLOWED_HOSTS of this process, read once (it applies to webhooks and step checks alike). */
export function allowedHostsSetting(): AllowedHosts {
  configuredAllowedHosts ??= parseAllowedHosts(settings().WEBHOOK_ALLOWED_HOSTS);
  return configuredAllowedHosts;
}

interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * Resolves the URL's host and applies the policy. Resolves to the address to connect to;
 * rejects with OutboundRefusedError (a message a person understands) when the target is refused,
 * and with OutboundRequestError when the name does not resolve.
 */
export async function checkOutboundUrl(target: string | URL, allowedHosts?: AllowedHosts): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new OutboundRefusedError("This is not a valid URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundRefusedError("Only http:// and https:// URLs can be called.");
  if (url.username || url.password) throw new OutboundRefusedError("A URL with a user name or password in it cannot be called; use a secret in the path or a header instead.");
  // URL keeps the brackets of an IPv6 literal; the resolver and the policy want the bare address.
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const allowed = allowedHosts ?? allowedHostsSetting();
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      // Not a refusal: a name that does not resolve now may resolve on the next try.
      throw new OutboundRequestError(`${host} could not be resolved.`);
    }
  }
  const decision = decideTarget(
    host,
    addresses.map((entry) => entry.address),
    allowed,
  );
  if (!decision.allowed) throw new OutboundRefusedError(`${decision.reason}.`);
  const chosen = addresses[0]!;
  return { url, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** An HTTP request to a URL a user supplied, under the address policy. See the module comment. */
export async function guardedFetch(target: string, request: GuardedRequest = {}): Promise<GuardedResponse> {
  const started = performance.now();
  const signal = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let method = request.method ?? "GET";
  let body = request.body;
  let headers = { ...request.headers };
  let current = await checkOutboundUrl(target, request.allowedHosts);
  for (let hop = 0; ; hop += 1) {
    const response = await send(current, { method, headers, body, signal, maxBytes });
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.status) || !location) {
      return { ...response, durationMs: Math.round(performance.now() - started), url: current.url.toString() };
    }
    if (hop >= MAX_REDIRECTS) throw new OutboundRequestError(`More than ${MAX_REDIRECTS} redirects, the last to ${location}.`);
    const next = await checkOutboundUrl(new URL(location, current.url), request.allowedHosts);
    // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
      headers = withoutBodyHeaders(headers);
    }
    if (next.url.origin !== current.url.origin) headers = withoutCredentials(headers);
    current = next;
  }
}

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !["content-type", "content-length"].includes(name.toLowerCase())));
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !["authorization", "cookie"].includes(name.toLowerCase())));
}

interface SendOptions {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  maxBytes: number;
}

function send(target: CheckedTarget, options: SendOptions): Promise<Omit<GuardedResponse, "durationMs" | "url">> {
  // Connect to the address that was checked, whatever the resolver would answer now.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const transport = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      if (options.signal.aborted) reject(new OutboundRequestError("The request timed out."));
      else reject(new OutboundRequestError(describeNetworkError(error, target.url)));
    };
    const outgoing = transport.request(
      target.url,
      {
        method: options.method,
        headers: options.body === undefined ? options.headers : { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) },
        lookup: pinned,
        agent: false,
        signal: options.signal,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        let received = 0;
        let truncated = false;
        const finish = () => {
          const excerpt = Buffer.concat(chunks).subarray(0, options.maxBytes).toString("utf8");
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, excerpt, truncated });
        };
        incoming.on("data", (chunk: Buffer) => {
          if (truncated) return;
          chunks.push(chunk);
          received += chunk.length;
          if (received > options.maxBytes) {
            truncated = true;
            // Enough has been read: stop downloading the rest.
            incoming.destroy();
            finish();
          }
        });
        incoming.on("end", () => {
          if (!truncated) finish();
        });
        incoming.on("error", (error) => {
          if (!truncated) fail(error);
        });
      },
    );
    outgoing.on("error", fail);
    outgoing.end(options.body);
  });
}

function describeNetworkError(error: unknown, url: URL): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ECONNREFUSED") return `${url.host} refused the connection.`;
  if (code === "ECONNRESET") return `${url.host} closed the connection.`;
  if (code === "ENOTFOUND") return `${url.hostname} could not be resolved.`;
  if (code === "CERT_HAS_EXPIRED" || code?.startsWith("ERR_TLS") || code?.includes("CERT")) return `${url.host}: the TLS certificate was not accepted (${code}).`;
  return `${url.host}: ${error instanceof Error ? error.message : String(error)}`;
}
