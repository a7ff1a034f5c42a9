import { describe, expect, it } from "vitest";
import { isAllowedSocketOrigin } from "@/lib/realtime/socket-origin";

const plain = { encrypted: false };

describe("isAllowedSocketOrigin", () => {
  it("allows the app's own origin, from AUTH_URL when set", () => {
    const appUrl = "https://preflight.example.com";
    expect(isAllowedSocketOrigin({ host: "10.0.0.5:3000", origin: "https://preflight.example.com" }, { appUrl, encrypted: false })).toBe(true);
    expect(isAllowedSocketOrigin({ host: "preflight.example.com", origin: "http://preflight.example.com" }, { appUrl, encrypted: false })).toBe(false);
    expect(isAllowedSocketOrigin({ host: "preflight.example.com", origin: "https://evil.example" }, { appUrl, encrypted: false })).toBe(false);
  });

  it("without AUTH_URL, compares with the request's host and scheme (as a reverse proxy forwards them)", () => {
    expect(isAllowedSocketOrigin({ host: "localhost:3000", origin: "http://localhost:3000" }, plain)).toBe(true);
    expect(isAllowedSocketOrigin({ host: "LOCALHOST:3000", origin: "http://localhost:3000" }, plain)).toBe(true);
    expect(isAllowedSocketOrigin({ host: "localhost:3000", origin: "http://localhost:3001" }, plain)).toBe(false);
    expect(isAllowedSocketOrigin({ host: "localhost:3000", origin: "https://localhost:3000" }, plain)).toBe(false);
    expect(isAllowedSocketOrigin({ host: "app.example", "x-forwarded-proto": "https", origin: "https://app.example" }, plain)).toBe(true);
    expect(isAllowedSocketOrigin({ host: "app.example:443", origin: "https://app.example" }, { encrypted: true })).toBe(true);
  });

  it("refuses foreign, opaque and malformed origins, and cross-site fetch metadata", () => {
    expect(isAllowedSocketOrigin({ host: "localhost:3000", origin: "https://evil.example" }, plain)).toBe(false);
    expect(isAllowedSocketOrigin({ host: "localhost:3000", origin: "null" }, plain)).toBe(false);
    expect(isAllowedSocketOrigin({ host: "localhost:3000", origin: "http://localhost:3000.evil.example" }, plain)).toBe(false);
    expect(isAllowedSocketOrigin({ origin: "http://localhost:3000" }, plain)).toBe(false);
    expect(isAllowedSocketOrigin({ host: "localhost:3000", "sec-fetch-site": "cross-site" }, plain)).toBe(false);
    expect(isAllowedSocketOrigin({ host: "localhost:3000", "sec-fetch-site": "same-site", origin: "http://localhost:3000" }, plain)).toBe(false);
  });

  it("allows requests without an Origin: same-origin polling GETs and non-browser clients", () => {
    expect(isAllowedSocketOrigin({ host: "localhost:3000" }, plain)).toBe(true);
    expect(isAllowedSocketOrigin({ host: "localhost:3000", "sec-fetch-site": "same-origin" }, plain)).toBe(true);
    expect(isAllowedSocketOrigin({}, { appUrl: "https://preflight.example.com", encrypted: false })).toBe(true);
  });
});
