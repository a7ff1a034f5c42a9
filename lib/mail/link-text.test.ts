import { describe, expect, it } from "vitest";
import { splitLinks } from "@/lib/mail/link-text";

describe("splitLinks", () => {
  it("cuts text into words and links", () => {
    expect(splitLinks("Open the gate: http://localhost:3000/go/signoff?token=a.b-c\n—\nUnsubscribe: https://x.test/u?t=1")).toEqual([
      { text: "Open the gate: " },
      { url: "http://localhost:3000/go/signoff?token=a.b-c" },
      { text: "\n—\nUnsubscribe: " },
      { url: "https://x.test/u?t=1" },
    ]);
  });

  it("leaves sentence punctuation after a link out of it", () => {
    expect(splitLinks("See https://x.test/plans/1. (or https://x.test/a)")).toEqual([
      { text: "See " },
      { url: "https://x.test/plans/1" },
      { text: ". (or " },
      { url: "https://x.test/a" },
      { text: ")" },
    ]);
  });

  it("gives text without links back whole, and a bare scheme stays text", () => {
    expect(splitLinks("no links here")).toEqual([{ text: "no links here" }]);
    expect(splitLinks("https://.")).toEqual([{ text: "https://." }]);
    expect(splitLinks("")).toEqual([]);
  });

  // Linear work on 100 KB takes milliseconds; quadratic work takes seconds. The bound sits far between.
  it("runs in linear time on 100 KB of its worst characters", () => {
    const KB100 = 100 * 1024;
    const inputs = ["https://" + "a".repeat(KB100), "https://".repeat(KB100 / 8), "http://x" + ".".repeat(KB100), "h".repeat(KB100), "http:/".repeat(KB100 / 6)];
    const started = performance.now();
    for (const input of inputs) splitLinks(input);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
