import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { settings } from "@/lib/env";
import { parseTrustedProxies, type ProxyTrust } from "@/lib/http/trusted-proxies";
import type { HeaderReader } from "@/lib/http/header-reader";

/**
 * The client's address, used to key rate limits (never for authorisation).
 *
 * It is the TCP peer, unless TRUSTED_PROXIES says which peers are our own proxies: only then is
 * X-Forwarded-For read, and only as far back as the trusted hops reach, so a client cannot
 * choose its own address by writing the header. Next's route handlers and server actions do not
 * see the peer, so the custom server (server.ts) computes the address from the Node request and
 * passes it on in CLIENT_ADDRESS_HEADER, after removing any copy the client sent.
 */
export const CLIENT_ADDRESS_HEADER = "x-preflight-client-address";

/** What rate limits key on when no address is known (a request that did not come through server.ts). */
export const UNKNOWN_ADDRESS = "unknown";

let trust: { setting: string | undefined; decide: ProxyTrust } | undefined;

function proxyTrust(): ProxyTrust {
  const setting = settings().TRUSTED_PROXIES;
  if (!trust || trust.setting !== setting) trust = { setting, decide: parseTrustedProxies(setting) };
  return trust.decide;
}

/** The client address of a Node request (an HTTP request, or socket.io's `socket.request` of a handshake). */
export function clientAddressOfNodeRequest(request: IncomingMessage): string {
  // proxy-addr reads socket.remoteAddress, then X-Forwarded-For right to left while the hop is trusted.
  return proxyaddr(request, proxyTrust()) || UNKNOWN_ADDRESS;
}

/** The same for a socket.io handshake: pass `socket.request`. */
export const clientAddressOfHandshake = clientAddressOfNodeRequest;

/**
 * Called by server.ts for every request before Next sees it: replaces whatever the client sent
 * in CLIENT_ADDRESS_HEADER with the address computed here.
 */
export function stampClientAddress(request: IncomingMessage): void {
  delete request.headers[CLIENT_ADDRESS_HEADER];
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOfNodeRequest(request);
}

/** The client address of a request inside Next (route handler, server action, Auth.js's authorize). */
export function clientAddressOf(headers: HeaderReader): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || UNKNOWN_ADDRESS;
}
