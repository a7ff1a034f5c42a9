import { describe, expect, it } from "vitest";
import { formatCheckLine, parseCheckLine } from "@/lib/checks/check-line";
import { compare, judgeResponse, valueAtPointer } from "@/lib/checks/judge-response";

const KB100 = 100 * 1024;

describe("a check written as a Markdown field line", () => {
  it("reads the method, URL, status and every option, and writes back the same line", () => {
    const line = 'GET https://status.example.com/health expect 200 contains "all systems" json /status == ok timeout 10s retries 2 auto';
    const parsed = parseCheckLine(line);
    expect(parsed).toEqual({
      ok: true,
      check: {
        method: "GET",
        url: "https://status.example.com/health",
        expectedStatus: 200,
        bodyContains: "all systems",
        json: { pointer: "/status", operator: "==", value: "ok" },
        timeoutMs: 10_000,
        retries: 2,
        auto: true,
      },
    });
    expect(parsed.ok && formatCheckLine(parsed.check)).toBe(line);
    expect(parseCheckLine("head http://x/ready expect 204")).toEqual({
      ok: true,
      check: { method: "HEAD", url: "http://x/ready", expectedStatus: 204, timeoutMs: 5000, retries: 0, auto: false },
    });
  });

  it("keeps the value's type: numbers, booleans, null and quoted strings that look like numbers", () => {
    const valueOf = (text: string) => {
      const parsed = parseCheckLine(`GET https://x/m expect 200 json /v == ${text}`);
      return parsed.ok ? parsed.check.json!.value : parsed.message;
    };
    expect(valueOf("350")).toBe(350);
    expect(valueOf("true")).toBe(true);
    expect(valueOf("null")).toBe(null);
    expect(valueOf('"350"')).toBe("350");
    expect(valueOf('"two words \\" quoted"')).toBe('two words " quoted');
    for (const value of ["350", 350, true, null, "ok", "two words", "", '"', "true"]) {
      const check = { method: "GET" as const, url: "https://x/m", expectedStatus: 200, json: { pointer: "/a b", operator: "==" as const, value }, timeoutMs: 5000, retries: 0, auto: false };
      expect(parseCheckLine(formatCheckLine(check))).toEqual({ ok: true, check });
    }
  });

  it("refuses what is not a check, saying how to write one", () => {
    expect(parseCheckLine("FETCH https://x expect 200")).toMatchObject({ ok: false, message: expect.stringContaining('"FETCH" is not an HTTP method.') });
    expect(parseCheckLine("GET https://x 200")).toMatchObject({ ok: false, message: expect.stringContaining("needs a URL and the status") });
    expect(parseCheckLine("GET ftp://x expect 200")).toEqual({ ok: false, message: "The URL must start with http:// or https://." });
    expect(parseCheckLine("GET https://x expect 200 json /p99 < fast")).toEqual({ ok: false, message: "<, <=, > and >= compare numbers." });
    expect(parseCheckLine("GET https://x expect 200 json /a ~ 1")).toMatchObject({ ok: false, message: expect.stringContaining('"~" is not a comparison') });
    expect(parseCheckLine('GET https://x expect 200 contains "open')).toEqual({ ok: false, message: "A quoted text in the check is not closed." });
    expect(parseCheckLine("GET https://x expect 200 retries 9")).toMatchObject({ ok: false });
    expect(parseCheckLine("GET https://x expect 200 twice")).toMatchObject({ ok: false, message: expect.stringContaining('"twice" is not part of a check.') });
  });

  it("reads 100 KB of its worst characters in linear time", () => {
    const started = performance.now();
    for (const text of ['"'.repeat(KB100), '"\\'.repeat(KB100 / 2), " ".repeat(KB100), `GET https://x expect 200 json ${"/a".repeat(KB100 / 2)} == 1`, "1".repeat(KB100), `GET https://x expect 200 contains "${"\\\\".repeat(KB100 / 2)}`]) {
      expect(parseCheckLine(text).ok).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("judging a response against the check", () => {
  const check = { expectedStatus: 200 };
  it("passes on the expected status, text and JSON comparison, and says why it fails otherwise", () => {
    expect(judgeResponse(check, { status: 200, body: "" })).toEqual({ ok: true });
    expect(judgeResponse(check, { status: 503, body: "down" })).toEqual({ ok: false, reason: "Expected status 200, got 503." });
    expect(judgeResponse({ ...check, bodyContains: "ready" }, { status: 200, body: "not yet" })).toEqual({ ok: false, reason: 'The response does not contain "ready".' });
    const p99 = { ...check, json: { pointer: "/latency/p99", operator: "<" as const, value: 350 } };
    expect(judgeResponse(p99, { status: 200, body: '{"latency":{"p99":212}}' })).toEqual({ ok: true });
    expect(judgeResponse(p99, { status: 200, body: '{"latency":{"p99":512}}' })).toEqual({ ok: false, reason: "/latency/p99 is 512; expected < 350." });
    expect(judgeResponse(p99, { status: 200, body: "<html>" })).toEqual({ ok: false, reason: "The response is not JSON." });
    expect(judgeResponse(p99, { status: 200, body: "{}" })).toEqual({ ok: false, reason: "The response has nothing at /latency/p99." });
  });

  it("follows RFC 6901 pointers and compares only numbers by order", () => {
    const document = { "a/b": { "m~n": [10, { ok: true }] } };
    expect(valueAtPointer(document, "/a~1b/m~0n/1/ok")).toEqual({ found: true, value: true });
    expect(valueAtPointer(document, "/a~1b/m~0n/01")).toEqual({ found: false });
    expect(valueAtPointer(document, "/toString")).toEqual({ found: false });
    expect(valueAtPointer(document, "")).toEqual({ found: true, value: document });
    expect(compare("5", "<", 10)).toBe(false);
    expect(compare(5, "<=", 5)).toBe(true);
    expect(compare("ok", "!=", "down")).toBe(true);
  });
});
