import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

const ORIGIN = "https://preflight.example.com";
const safe = (candidate: string | undefined) => safeCallbackUrl(candidate, ORIGIN);

describe("safeCallbackUrl", () => {
  it("keeps this app's paths, as paths", () => {
    expect(safe("/plans/abc?x=1#item-3")).toBe("/plans/abc?x=1#item-3");
    expect(safe("/")).toBe("/");
    expect(safe("/plans/%2F%2Fevil.example")).toBe("/plans/%2F%2Fevil.example");
    // An absolute URL of this very origin is fine, and comes back as its path.
    expect(safe("https://preflight.example.com/plans/abc?x=1")).toBe("/plans/abc?x=1");
    expect(safe("HTTPS://PREFLIGHT.EXAMPLE.COM/plans")).toBe("/plans");
  });

  it("replaces anything that leads elsewhere", () => {
    for (const candidate of [
      undefined,
      "",
      "https://evil.example",
      "https://preflight.example.com.evil.example/plans",
      "http://preflight.example.com/plans", // another scheme is another origin
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example", // what ?callbackUrl=%2F%09%2Fevil.example arrives as: browsers drop the tab, leaving //evil.example
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ /evil.example".replace(" ", "\u0000"),
      "/\u007f/evil.example",
      "https://preflight.example.com//evil.example", // same origin, but its path would be read as a host
      "javascript:alert(1)",
      "plans",
      "/".padEnd(2_001, "a"),
    ]) {
      expect(safe(candidate), JSON.stringify(candidate)).toBe("/plans");
    }
  });

  it("reads the encoded attack the way the page receives it, and an encoded tab that stays encoded is harmless", () => {
    const received = new URLSearchParams("callbackUrl=%2F%09%2Fevil.example").get("callbackUrl");
    expect(received).toBe("/\t/evil.example");
    expect(new URL(received!, ORIGIN).host).toBe("evil.example"); // the hole, as a browser would resolve it
    expect(safe(received!)).toBe("/plans");
    // Doubly encoded, the tab stays %09 in the path: browsers do not decode it, so it stays on this host.
    const doubly = new URLSearchParams("callbackUrl=%2F%2509%2Fevil.example").get("callbackUrl")!;
    expect(safe(doubly)).toBe("/%09/evil.example");
    expect(new URL(safe(doubly), ORIGIN).host).toBe("preflight.example.com");
    expect(safe(new URLSearchParams("callbackUrl=%2F%5Cevil.example").get("callbackUrl")!)).toBe("/plans");
  });
});
