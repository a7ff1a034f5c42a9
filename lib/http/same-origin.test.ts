import { describe, expect, it } from "vitest";
import { isSameOriginRequest, isSameOriginWrite } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>) => new Request("http://localhost:3000/api/x", { method: "POST", headers: { host: "localhost:3000", ...headers } });

describe("isSameOriginRequest", () => {
  it("accepts reads and same-origin writes", () => {
    expect(isSameOriginRequest(new Request("http://localhost:3000/api/x", { headers: { origin: "https://evil.test" } }))).toBe(true);
    expect(isSameOriginRequest(post({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("refuses writes from another site", () => {
    expect(isSameOriginRequest(post({ origin: "https://evil.test" }))).toBe(false);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("uses the forwarded host and scheme behind a reverse proxy", () => {
    const request = post({ origin: "https://preflight.example.com", "x-forwarded-host": "preflight.example.com", "x-forwarded-proto": "https" });
    expect(isSameOriginRequest(request)).toBe(true);
  });

  it("lets non-browser clients, which send no Origin, through", () => {
    expect(isSameOriginRequest(post({}))).toBe(true);
  });
});

describe("isSameOriginWrite", () => {
  const headers = (values: Record<string, string>) => new Headers(values);
  const own = { host: "localhost:3000", protocol: "http" };

  it("applies the same rule to plain headers", () => {
    expect(isSameOriginWrite("POST", headers({ host: "localhost:3000", origin: "http://localhost:3000" }), own)).toBe(true);
    expect(isSameOriginWrite("POST", headers({ host: "localhost:3000", origin: "https://evil.test" }), own)).toBe(false);
    expect(isSameOriginWrite("POST", headers({ "sec-fetch-site": "cross-site" }), own)).toBe(false);
    expect(isSameOriginWrite("POST", headers({}), own)).toBe(true);
  });

  it("falls back to where the request arrived when it has no Host header", () => {
    expect(isSameOriginWrite("POST", headers({ origin: "http://localhost:3000" }), own)).toBe(true);
    expect(isSameOriginWrite("POST", headers({ origin: "https://localhost:3000" }), own)).toBe(false);
  });
});
