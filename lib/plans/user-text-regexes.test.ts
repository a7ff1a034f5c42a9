import { describe, expect, it } from "vitest";
import { telHref } from "@/lib/plans/plan-content";
import { emailsIn } from "@/lib/plans/plan-lead";
import { CHANGE_TICKET_FIELD, LEAD_FIELD, headerField } from "@/lib/plans/plan-rows";
import type { PlanDocument } from "@/lib/plan-document/schema";

// Each pattern that reads a person's text gets 100 KB of its worst character. Linear work on
// 100 KB takes milliseconds; quadratic backtracking takes many seconds. The bound sits far
// between the two, so it is generous on a loaded machine.
const BOUND_MS = 2_000;
const KB100 = 100 * 1024;

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  return result;
}

const withHeader = (key: string, value = "x"): Pick<PlanDocument, "metadata"> =>
  ({ metadata: { window: {}, extra: [{ key, value }] } }) as unknown as Pick<PlanDocument, "metadata">;

describe("patterns on user text run in linear time on 100 KB of their worst character", () => {
  it("telHref: digits, brackets and spaces", () => {
    for (const char of ["1", "(", " ", "+"]) expect(timed(() => telHref(char.repeat(KB100)))).toBeNull();
    expect(telHref("+49 (30) 5550-1001")).toBe("tel:+493055501001");
  });

  it("emailsIn: dots after an @, separators, and @ signs", () => {
    for (const text of [`a@${".".repeat(KB100)}@`, " ".repeat(KB100), "@".repeat(KB100), `a@b${".c".repeat(KB100 / 2)}@`]) {
      expect(timed(() => emailsIn(text))).toEqual([]);
    }
    expect(emailsIn("Lee Park (lee@example.com); mailto:kim@example.org.")).toEqual(["lee@example.com", "kim@example.org"]);
  });

  it("the lead and change-ticket header keys", () => {
    for (const key of ["deploy ".repeat(KB100 / 7), "change ".repeat(KB100 / 7), " ".repeat(KB100), "lead".repeat(KB100 / 4)]) {
      expect(timed(() => headerField(withHeader(key) as PlanDocument, LEAD_FIELD))).toBeNull();
      expect(timed(() => headerField(withHeader(key) as PlanDocument, CHANGE_TICKET_FIELD))).toBeNull();
    }
    expect(headerField(withHeader("**Change Ticket**", "CHG-4821") as PlanDocument, CHANGE_TICKET_FIELD)).toBe("CHG-4821");
  });
});
