import { describe, expect, it } from "vitest";
import { createWebhookSchema } from "@/lib/webhooks/subscription-schema";

const parse = (input: unknown) => createWebhookSchema.safeParse(input);

describe("createWebhookSchema", () => {
  it("takes a URL, event types and a format; json by default; * stands alone", () => {
    expect(parse({ url: " https://hooks.example.com/x ", events: ["item.changed", "item.changed", "gate.signed"] }).data).toEqual({
      url: "https://hooks.example.com/x",
      events: ["item.changed", "gate.signed"],
      format: "json",
    });
    expect(parse({ url: "http://hooks.example.com/", events: ["item.changed", "*"], format: "teams" }).data).toMatchObject({ events: ["*"], format: "teams" });
  });

  it("names what is wrong", () => {
    const messages = (input: unknown) => parse(input).error?.issues.map((issue) => issue.message) ?? [];
    expect(messages({ url: "ftp://example.com/", events: ["*"] })).toEqual(["The URL must be an http:// or https:// address."]);
    expect(messages({ url: "https://example.com/", events: [] })).toEqual(['Choose at least one event type, or ["*"] for all.']);
    expect(messages({ url: "https://example.com/", events: ["tick"] })[0]).toMatch(/^Unknown event type: tick\. Known: item\.changed, /);
    expect(messages({ url: "https://example.com/", events: ["*"], format: "xml" })).toHaveLength(1);
  });

  it("refuses 100 KB of URL by its length, in linear time", () => {
    const started = performance.now();
    for (const url of [`https://${"a".repeat(100 * 1024)}.com/`, `https://example.com/${"%".repeat(100 * 1024)}`, ":".repeat(100 * 1024)]) {
      expect(parse({ url, events: ["*"] }).success).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
