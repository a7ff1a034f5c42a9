import { BlockList, isIP } from "node:net";

/**
 * Which addresses an outgoing request (a webhook delivery, a step's HTTP check) may reach.
 * A target the app itself can see but the internet cannot (loopback, the private ranges,
 * link-local, the cloud metadata service) is refused, because a user who can name a URL could
 * otherwise make the server read or poke at its own network (server-side request forgery).
 * The admin setting WEBHOOK_ALLOWED_HOSTS names exceptions: host names, addresses or CIDRs.
 *
 * Node's own BlockList does the range arithmetic; it also matches IPv4-mapped IPv6 addresses
 * (::ffff:127.0.0.1) against the IPv4 ranges, so that spelling is no way around the policy.
 */

interface ForbiddenRange {
  network: string;
  prefix: number;
  family: "ipv4" | "ipv6";
  reason: string;
}

// The metadata addresses come first so that they are named as such, not as "link-local"/"private".
const FORBIDDEN_RANGES: ForbiddenRange[] = [
  { network: "169.254.169.254", prefix: 32, family: "ipv4", reason: "the cloud metadata service" },
  { network: "fd00:ec2::254", prefix: 128, family: "ipv6", reason: "the cloud metadata service" },
  { network: "0.0.0.0", prefix: 8, family: "ipv4", reason: "an unspecified address" },
  { network: "127.0.0.0", prefix: 8, family: "ipv4", reason: "a loopback address" },
  { network: "10.0.0.0", prefix: 8, family: "ipv4", reason: "a private address" },
  { network: "172.16.0.0", prefix: 12, family: "ipv4", reason: "a private address" },
  { network: "192.168.0.0", prefix: 16, family: "ipv4", reason: "a private address" },
  { network: "100.64.0.0", prefix: 10, family: "ipv4", reason: "a carrier-grade NAT address" },
  { network: "169.254.0.0", prefix: 16, family: "ipv4", reason: "a link-local address" },
  { network: "192.0.0.0", prefix: 24, family: "ipv4", reason: "a reserved address" },
  { network: "198.18.0.0", prefix: 15, family: "ipv4", reason: "a reserved address" },
  { network: "224.0.0.0", prefix: 4, family: "ipv4", reason: "a multicast address" },
  { network: "240.0.0.0", prefix: 4, family: "ipv4", reason: "a reserved address" },
  { network: "::", prefix: 128, family: "ipv6", reason: "an unspecified address" },
  { network: "::1", prefix: 128, family: "ipv6", reason: "a loopback address" },
  { network: "fc00::", prefix: 7, family: "ipv6", reason: "a private address" },
  { network: "fe80::", prefix: 10, family: "ipv6", reason: "a link-local address" },
  { network: "ff00::", prefix: 8, family: "ipv6", reason: "a multicast address" },
  // NAT64 and 6to4 embed an IPv4 address that may be a private one.
  { network: "64:ff9b::", prefix: 96, family: "ipv6", reason: "a NAT64 address" },
  { network: "2002::", prefix: 16, family: "ipv6", reason: "a 6to4 address" },
];

const FORBIDDEN = FORBIDDEN_RANGES.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, range.family);
  return { list, reason: range.reason };
});

function familyOf(address: string): "ipv4" | "ipv6" | null {
  const version = isIP(address);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}

/** Why an address may not be reached (e.g. "a loopback address"), or null for a public address. */
export function forbiddenReason(address: string): string | null {
  const family = familyOf(address);
  if (!family) return "not an IP address";
  for (const { list, reason } of FORBIDDEN) if (list.check(address, family)) return reason;
  return null;
}

/** The admin's exceptions, as read from WEBHOOK_ALLOWED_HOSTS. */
export interface AllowedHosts {
  /** Host names, lower case, matched exactly against the URL's host. */
  names: ReadonlySet<string>;
  /** Addresses and CIDRs, matched against every address a host resolves to. */
  ranges: BlockList;
  isEmpty: boolean;
}

const MAX_HOST_NAME = 253;

/**
 * Reads WEBHOOK_ALLOWED_HOSTS: comma-separated host names (`hooks.internal`), addresses
 * (`127.0.0.1`, `::1`) and CIDRs (`10.0.0.0/8`, `fd00::/8`). Throws an Error naming the entry
 * it cannot read.
 */
export function parseAllowedHosts(value: string | undefined): AllowedHosts {
  const names = new Set<string>();
  const ranges = new BlockList();
  const entries = (value ?? "").split(",").map((entry) => entry.trim().toLowerCase());
  let count = 0;
  for (const entry of entries) {
    if (!entry) continue;
    count += 1;
    const slash = entry.indexOf("/");
    const address = slash === -1 ? entry : entry.slice(0, slash);
    const family = familyOf(address);
    if (family) {
      const bits = family === "ipv4" ? 32 : 128;
      const prefixText = slash === -1 ? String(bits) : entry.slice(slash + 1);
      const prefix = Number(prefixText);
      if (!/^\d{1,3}$/.test(prefixText) || prefix > bits) throw new Error(`"${entry}": the prefix length must be 0 to ${bits}`);
      ranges.addSubnet(address, prefix, family);
    } else if (slash === -1 && isHostName(entry)) {
      names.add(entry);
    } else {
      throw new Error(`"${entry}" is not a host name, an IP address or a CIDR`);
    }
  }
  return { names, ranges, isEmpty: count === 0 };
}

/** Letters, digits, hyphens and dots, as DNS names are spelled; a plain character scan (no pattern). */
function isHostName(entry: string): boolean {
  if (entry.length > MAX_HOST_NAME || entry.startsWith(".") || entry.endsWith(".") || entry.includes("..")) return false;
  for (const char of entry) {
    const ok = (char >= "a" && char <= "z") || (char >= "0" && char <= "9") || char === "-" || char === ".";
    if (!ok) return false;
  }
  return true;
}

export type AddressDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * May `host`, resolved to `addresses`, be reached? Every address must pass: a name resolving to
 * one public and one private address is refused, as the connection could land on either.
 */
export function decideTarget(host: string, addresses: readonly string[], allowed: AllowedHosts): AddressDecision {
  if (addresses.length === 0) return { allowed: false, reason: `${host} does not resolve to any address` };
  if (allowed.names.has(host.toLowerCase())) return { allowed: true };
  for (const address of addresses) {
    const family = familyOf(address);
    if (family && allowed.ranges.check(address, family)) continue;
    const reason = forbiddenReason(address);
    if (reason) {
      const shown = address === host ? host : `${host} (${address})`;
      return { allowed: false, reason: `${shown} is ${reason}; outgoing requests may only reach public addresses unless an admin allow-lists it in WEBHOOK_ALLOWED_HOSTS` };
    }
  }
  return { allowed: true };
}
