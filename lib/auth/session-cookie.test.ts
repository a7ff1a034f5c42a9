import { describe, expect, it } from "vitest";
import { usesSecureSessionCookie } from "@/lib/auth/session-cookie";

describe("usesSecureSessionCookie", () => {
  it("follows AUTH_URL's scheme when it is set, as Auth.js does", () => {
    expect(usesSecureSessionCookie(new Headers({ "x-forwarded-proto": "http" }), { authUrl: "https://preflight.example.com", encrypted: false })).toBe(true);
    expect(usesSecureSessionCookie(new Headers({ "x-forwarded-proto": "https" }), { authUrl: "http://localhost:3000", encrypted: true })).toBe(false);
  });

  it("else follows X-Forwarded-Proto, or the connection", () => {
    expect(usesSecureSessionCookie(new Headers({ "x-forwarded-proto": "https" }), { authUrl: undefined, encrypted: false })).toBe(true);
    expect(usesSecureSessionCookie(new Headers(), { authUrl: undefined, encrypted: false })).toBe(false);
    expect(usesSecureSessionCookie(new Headers(), { authUrl: undefined, encrypted: true })).toBe(true);
  });
});
