import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { settings } from "@/lib/env";

/**
 * Signed, expiring tokens for links in emails (sign-off requests, one-click unsubscribe). The
 * token says what the link is for and until when; the HMAC (AUTH_SECRET, with a purpose prefix
 * so a token for one use is never valid for another) proves the app wrote it. A token never
 * signs anyone in or changes anything by itself: the pages it leads to still ask for a session
 * where acting needs one, and a GET never changes anything but a preference its owner asked to change.
 */
const MAX_TOKEN_LENGTH = 2_000;

function secret(): string {
  const value = settings().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set; the server sets it at start-up.");
  return value;
}

function mac(purpose: string, body: string): Buffer {
  return createHmac("sha256", secret()).update(`preflight-link:${purpose}:${body}`).digest();
}

export function signLinkToken(purpose: string, payload: Record<string, string>, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: Math.floor(expiresAt.getTime() / 1000) })).toString("base64url");
  return `${body}.${mac(purpose, body).toString("base64url")}`;
}

/** An expired link still says (signed) what it was for, so its page can point somewhere useful. */
export type VerifiedLink<T> = { ok: true; payload: T } | { ok: false; reason: "invalid" } | { ok: false; reason: "expired"; payload?: T };

/** Checks a token's signature and expiry and parses its payload with `schema`; never throws on bad input. */
export function verifyLinkToken<T>(purpose: string, token: string, schema: z.ZodType<T>, now = new Date()): VerifiedLink<T> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "invalid" };
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  const expected = mac(purpose, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const parsed = z.object({ exp: z.number().int() }).passthrough().safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const payload = schema.safeParse(parsed.data);
  if (parsed.data.exp * 1000 < now.getTime()) return payload.success ? { ok: false, reason: "expired", payload: payload.data } : { ok: false, reason: "expired" };
  return payload.success ? { ok: true, payload: payload.data } : { ok: false, reason: "invalid" };
}
