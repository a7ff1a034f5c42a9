import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { signLinkToken, verifyLinkToken } from "@/lib/notifications/signed-link";

const schema = z.object({ gateId: z.string() });

describe("signed links", () => {
  beforeAll(() => {
    vi.stubEnv("AUTH_SECRET", "a-test-secret-of-enough-length-0123456789");
  });

  it("verifies its own token until it expires", () => {
    const token = signLinkToken("signoff", { gateId: "g1" }, new Date(Date.now() + 60_000));
    expect(verifyLinkToken("signoff", token, schema)).toEqual({ ok: true, payload: expect.objectContaining({ gateId: "g1" }) });
    expect(verifyLinkToken("signoff", token, schema, new Date(Date.now() + 120_000))).toEqual({ ok: false, reason: "expired", payload: expect.objectContaining({ gateId: "g1" }) });
  });

  it("refuses a token for another purpose, a changed payload, and garbage", () => {
    const token = signLinkToken("signoff", { gateId: "g1" }, new Date(Date.now() + 60_000));
    expect(verifyLinkToken("unsubscribe", token, schema)).toEqual({ ok: false, reason: "invalid" });
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ gateId: "g2", exp: 9_999_999_999 })).toString("base64url")}.${signature}`;
    expect(verifyLinkToken("signoff", forged, schema)).toEqual({ ok: false, reason: "invalid" });
    for (const bad of ["", ".", "a.b.c", "x".repeat(100_000), "%%%.%%%"]) expect(verifyLinkToken("signoff", bad, schema).ok).toBe(false);
  });
});
