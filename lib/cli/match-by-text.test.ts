import { describe, expect, it } from "vitest";
import { CliError, EXIT } from "@/lib/cli/exit-codes";
import { matchByIdOrText, requireMatch } from "@/lib/cli/match-by-text";

const steps = [
  { id: "i1", text: "Deploy to staging" },
  { id: "i2", text: "Deploy to production" },
  { id: "i3", text: "Route 25% of traffic" },
  { id: "i4", text: "Smoke test" },
  { id: "i5", text: "Smoke test  production" },
];

describe("finding the step a pipeline names", () => {
  it("takes an id first, then the whole text, then a unique part of it, in any case and spacing", () => {
    expect(matchByIdOrText(steps, "i3")).toEqual({ ok: true, match: steps[2] });
    expect(matchByIdOrText(steps, "smoke TEST")).toEqual({ ok: true, match: steps[3] });
    expect(matchByIdOrText(steps, "smoke test production")).toEqual({ ok: true, match: steps[4] });
    expect(matchByIdOrText(steps, "25%")).toEqual({ ok: true, match: steps[2] });
  });

  it("refuses an ambiguous text, listing every candidate, and a text that matches nothing", () => {
    expect(matchByIdOrText(steps, "deploy")).toEqual({ ok: false, reason: "ambiguous", candidates: [steps[0], steps[1]] });
    expect(matchByIdOrText(steps, "rollback")).toEqual({ ok: false, reason: "none" });
    expect(matchByIdOrText(steps, "   ")).toEqual({ ok: false, reason: "none" });
    const error = (() => {
      try {
        requireMatch(steps, "deploy", "step");
      } catch (caught) {
        return caught as CliError;
      }
    })();
    expect(error?.code).toBe(EXIT.requestFailed);
    expect(error?.message).toBe('"deploy" matches 2 steps; give the id or more of the text:\n  i1  Deploy to staging\n  i2  Deploy to production');
    expect(() => requireMatch(steps, "rollback", "gate")).toThrow('No gate matches "rollback". Give its id or a part of its text.');
  });

  it("folds whitespace in linear time on 100 KB of its worst input", () => {
    const started = performance.now();
    for (const query of [" ".repeat(100 * 1024), "\t\n".repeat(50 * 1024)]) expect(matchByIdOrText([{ id: "x", text: query }], query).ok).toBe(false);
    const words = " a".repeat(50 * 1024);
    expect(matchByIdOrText([{ id: "x", text: words }], `${words}  `).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
