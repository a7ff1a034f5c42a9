import { describe, expect, it } from "vitest";
import { matchByIdOrText } from "@/lib/cli/match-by-text";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { parseAllowedHosts } from "@/lib/outbound/address-policy";
import { placeNewTable } from "@/lib/document-parts/place-new-table";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { allSections } from "@/lib/plan-document/walk";

// Each pattern this stop added on a person's text gets 100 KB of its worst character, as in
// lib/plans/user-text-regexes.test.ts: linear work takes milliseconds, quadratic backtracking
// many seconds; the bound sits far between the two.
const BOUND_MS = 2_000;
const KB100 = 100 * 1024;

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  return result;
}

/** A plan whose one section has the given heading, as a lead could have written it. */
function withSectionTitle(title: string): PlanDocument {
  const document = parsePlanMarkdown("# Release\n\n## Deploy\n- [ ] Roll out\n").document;
  return { ...document, sections: document.sections.map((section) => (section.title === "Deploy" ? { ...section, title } : section)) };
}

describe("patterns added on user text run in linear time on 100 KB of their worst character", () => {
  it("placeNewTable's heading patterns (risk, timeline, run sheet, monitor)", () => {
    for (const title of ["r".repeat(KB100), "run ".repeat(KB100 / 4), " ".repeat(KB100), "ris".repeat(KB100 / 3), "monito".repeat(KB100 / 6)]) {
      for (const kind of ["risks", "timeline", "monitoring"] as const) timed(() => placeNewTable(withSectionTitle(title), kind));
    }
    const named = withSectionTitle("Risks and mitigations");
    expect(placeNewTable(named, "risks")).toBe(allSections(named).find((section) => section.title === "Risks and mitigations")!.id);
  });

  it("the CLI's text folding for step names", () => {
    const steps = [{ id: "a", text: "Roll out" }];
    for (const query of [" ".repeat(KB100), "\t \n".repeat(KB100 / 3), `x${" ".repeat(KB100)}y`]) {
      expect(timed(() => matchByIdOrText(steps, query)).ok).toBe(false);
    }
    expect(matchByIdOrText(steps, "  roll   OUT ")).toMatchObject({ ok: true, match: { id: "a" } });
  });

  it("the CIDR prefix of WEBHOOK_ALLOWED_HOSTS", () => {
    timed(() => expect(() => parseAllowedHosts(`10.0.0.0/${"1".repeat(KB100)}`)).toThrow("the prefix length must be 0 to 32"));
    expect(parseAllowedHosts("10.0.0.0/8, hooks.example.com")).toBeTruthy();
  });
});
