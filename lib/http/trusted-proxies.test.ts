import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, stampClientAddress } from "@/lib/http/client-address";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";

function nodeRequest(peer: string, headers: Record<string, string> = {}): IncomingMessage {
  return { socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
}

const addressWith = (setting: string | undefined, peer: string, forwardedFor?: string) =>
  proxyaddr(nodeRequest(peer, forwardedFor ? { "x-forwarded-for": forwardedFor } : {}), parseTrustedProxies(setting));

describe("TRUSTED_PROXIES", () => {
  it("trusts nobody by default: the TCP peer is the client, whatever X-Forwarded-For says", () => {
    expect(addressWith(undefined, "198.51.100.7", "203.0.113.1")).toBe("198.51.100.7");
    expect(addressWith("0", "127.0.0.1", "203.0.113.1")).toBe("127.0.0.1");
  });

  it("with a hop count, reads X-Forwarded-For from the right as far as the hops reach", () => {
    // One proxy: the entry it appended is the client; what the client wrote before it is not believed.
    expect(addressWith("1", "127.0.0.1", "6.6.6.6, 203.0.113.1")).toBe("203.0.113.1");
    expect(addressWith("2", "127.0.0.1", "6.6.6.6, 203.0.113.1, 10.0.0.2")).toBe("203.0.113.1");
    expect(addressWith("1", "127.0.0.1")).toBe("127.0.0.1");
  });

  it("with a list, trusts only those peers", () => {
    expect(addressWith("loopback", "127.0.0.1", "203.0.113.1")).toBe("203.0.113.1");
    expect(addressWith("loopback", "198.51.100.7", "203.0.113.1")).toBe("198.51.100.7");
    expect(addressWith("10.0.0.0/8, 127.0.0.1", "127.0.0.1", "6.6.6.6, 203.0.113.1, 10.1.2.3")).toBe("203.0.113.1");
    expect(addressWith("::1, fd00::/8", "::1", "2001:db8::1")).toBe("2001:db8::1");
  });

  it("refuses a malformed setting at start-up, naming it", () => {
    for (const bad of ["not-an-address", "10.0.0.0/99", "127.0.0.1,,10.0.0.1", "999", "true"]) {
      expect(() => parseSettings({ TRUSTED_PROXIES: bad }), bad).toThrow(/^Invalid configuration:\n {2}- TRUSTED_PROXIES: /);
    }
    expect(parseSettings({ TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toBe("1");
    expect(parseSettings({ TRUSTED_PROXIES: "loopback, 10.0.0.0/8" }).TRUSTED_PROXIES).toBe("loopback, 10.0.0.0/8");
  });
});

describe("client address header", () => {
  it("is computed by the server and replaces any copy the client sent", () => {
    const request = nodeRequest("198.51.100.7", { [CLIENT_ADDRESS_HEADER]: "1.2.3.4", "x-forwarded-for": "5.6.7.8" });
    stampClientAddress(request);
    expect(request.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
    expect(clientAddressOf(new Headers(request.headers as Record<string, string>))).toBe("198.51.100.7");
    expect(clientAddressOf(new Headers())).toBe("unknown");
  });
});
