import proxyaddr from "proxy-addr";

/** Decides, hop by hop from the TCP peer outwards, whether an address is a proxy we trust. */
export type ProxyTrust = (address: string, hop: number) => boolean;

const TRUST_NOBODY: ProxyTrust = () => false;
const MAX_HOPS = 20;

/**
 * Reads the TRUSTED_PROXIES setting: unset means no proxy is trusted (the client address is the
 * TCP peer); a number is how many proxies stand in front of the app (`1` for one nginx); anything
 * else is a comma-separated list of addresses, CIDRs or proxy-addr's names (`loopback`,
 * `linklocal`, `uniquelocal`). Throws an Error whose message says what is wrong.
 */
export function parseTrustedProxies(value: string | undefined): ProxyTrust {
  const setting = value?.trim() ?? "";
  if (!setting) return TRUST_NOBODY;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    if (hops > MAX_HOPS) throw new Error(`a hop count must be between 0 and ${MAX_HOPS}`);
    return (_address, hop) => hop < hops;
  }
  const entries = setting.split(",").map((entry) => entry.trim());
  if (entries.some((entry) => !entry)) throw new Error("an empty entry in the list (a stray comma?)");
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    // proxy-addr names the entry it could not read ("invalid IP address: …").
    throw new Error(`not a hop count or a list of addresses/CIDRs: ${error instanceof Error ? error.message : String(error)}`);
  }
}
