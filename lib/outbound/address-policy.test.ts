import { describe, expect, it } from "vitest";
import { decideTarget, forbiddenReason, parseAllowedHosts } from "@/lib/outbound/address-policy";

const NONE = parseAllowedHosts(undefined);

describe("forbiddenReason", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.0.9", "a loopback address"],
    ["::1", "a loopback address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    ["10.1.2.3", "a private address"],
    ["172.16.0.1", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.1.1", "a private address"],
    ["fd12:3456::1", "a private address"],
    ["fc00::1", "a private address"],
    ["100.64.0.1", "a carrier-grade NAT address"],
    ["169.254.10.10", "a link-local address"],
    ["fe80::1", "a link-local address"],
    ["169.254.169.254", "the cloud metadata service"],
    ["fd00:ec2::254", "the cloud metadata service"],
    ["0.0.0.0", "an unspecified address"],
    ["::", "an unspecified address"],
    ["224.0.0.1", "a multicast address"],
    ["ff02::1", "a multicast address"],
    ["64:ff9b::a00:1", "a NAT64 address"],
  ])("refuses %s as %s", (address, reason) => {
    expect(forbiddenReason(address)).toBe(reason);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "100.128.0.1"])("lets the public address %s through", (address) => {
    expect(forbiddenReason(address)).toBeNull();
  });
});

describe("parseAllowedHosts", () => {
  it("reads host names, addresses and CIDRs", () => {
    const allowed = parseAllowedHosts(" hooks.internal , 127.0.0.1, 10.0.0.0/8,fd00::/8 ");
    expect([...allowed.names]).toEqual(["hooks.internal"]);
    expect(allowed.ranges.check("127.0.0.1", "ipv4")).toBe(true);
    expect(allowed.ranges.check("127.0.0.2", "ipv4")).toBe(false);
    expect(allowed.ranges.check("10.200.1.1", "ipv4")).toBe(true);
    expect(allowed.ranges.check("fd00::5", "ipv6")).toBe(true);
    expect(allowed.isEmpty).toBe(false);
    expect(NONE.isEmpty).toBe(true);
  });

  it("names an entry it cannot read", () => {
    expect(() => parseAllowedHosts("127.0.0.1/33")).toThrow(/"127.0.0.1\/33": the prefix length must be 0 to 32/);
    expect(() => parseAllowedHosts("10.0.0.0/x")).toThrow(/prefix length/);
    expect(() => parseAllowedHosts("http://example.com")).toThrow(/is not a host name, an IP address or a CIDR/);
    expect(() => parseAllowedHosts("host_name")).toThrow(/not a host name/);
  });

  it("reads 100 KB of its worst input in linear time", () => {
    const started = performance.now();
    for (const input of [",".repeat(100 * 1024), "1".repeat(100 * 1024), `10.0.0.0/${"1".repeat(100 * 1024)}`, "a.".repeat(50 * 1024)]) {
      try {
        parseAllowedHosts(input);
      } catch {
        // A refusal is as good as an acceptance here; the time is what is measured.
      }
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("decideTarget", () => {
  it("refuses a private address and says why and how to allow it", () => {
    const decision = decideTarget("127.0.0.1", ["127.0.0.1"], NONE);
    expect(decision).toEqual({ allowed: false, reason: expect.stringMatching(/^127\.0\.0\.1 is a loopback address; .*WEBHOOK_ALLOWED_HOSTS/) });
  });

  it("names the address a host name resolved to", () => {
    const decision = decideTarget("metadata.example", ["169.254.169.254"], NONE);
    expect(decision.allowed === false && decision.reason).toMatch(/^metadata\.example \(169\.254\.169\.254\) is the cloud metadata service/);
  });

  it("refuses a name when any of its addresses is private", () => {
    expect(decideTarget("mixed.example", ["93.184.216.34", "10.0.0.1"], NONE).allowed).toBe(false);
    expect(decideTarget("public.example", ["93.184.216.34", "2606:4700::1"], NONE).allowed).toBe(true);
  });

  it("refuses a name that resolves to nothing", () => {
    expect(decideTarget("nowhere.example", [], NONE).allowed).toBe(false);
  });

  it("allows what the admin allow-listed: an address, a CIDR or a host name", () => {
    expect(decideTarget("127.0.0.1", ["127.0.0.1"], parseAllowedHosts("127.0.0.1")).allowed).toBe(true);
    expect(decideTarget("127.0.0.1", ["127.0.0.1"], parseAllowedHosts("127.0.0.0/8")).allowed).toBe(true);
    expect(decideTarget("hooks.internal", ["10.0.0.7"], parseAllowedHosts("hooks.internal")).allowed).toBe(true);
    expect(decideTarget("HOOKS.internal", ["10.0.0.7"], parseAllowedHosts("hooks.internal")).allowed).toBe(true);
    // An allowed address does not open its neighbours.
    expect(decideTarget("127.0.0.2", ["127.0.0.2"], parseAllowedHosts("127.0.0.1")).allowed).toBe(false);
    expect(decideTarget("other.internal", ["10.0.0.7"], parseAllowedHosts("hooks.internal")).allowed).toBe(false);
  });
});
