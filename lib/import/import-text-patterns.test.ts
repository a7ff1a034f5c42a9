import { describe, expect, it } from "vitest";
import { parseContactLine, splitPersonAndRole } from "@/lib/import/contact-text";
import { parseDecisionRecord } from "@/lib/import/field-line";
import { mapColumns, withoutParenthesised } from "@/lib/import/table-semantics";

// Each pattern the importer added for reading a person's text gets 100 KB of its worst
// character (and of the pieces it repeats). Linear work on 100 KB takes milliseconds;
// quadratic backtracking takes many seconds. The bound sits far between the two, so it is
// generous on a loaded machine.
const BOUND_MS = 2_000;
const KB100 = 100 * 1024;

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  return result;
}

const repeated = (piece: string) => piece.repeat(Math.ceil(KB100 / piece.length));

describe("the importer's patterns on user text run in linear time on 100 KB of their worst input", () => {
  it("contact lines: 'Role: value' and 'Role — value'", () => {
    for (const text of [repeated(" "), repeated("a"), repeated("a "), repeated(":"), repeated(" –"), repeated("– "), `${"a".repeat(59)}${repeated(" ")}x`]) {
      timed(() => parseContactLine(text));
    }
    expect(parseContactLine("On-call DBA: +1 415 555 0100")).toEqual({ role: "On-call DBA", value: "+1 415 555 0100" });
    expect(parseContactLine("Start 21:30")).toBeUndefined();
  });

  it("a person with the role in parentheses", () => {
    for (const text of [repeated("A"), repeated("A "), repeated("Aa."), `A${repeated("a")}(`, repeated("("), `Ann Lee (${repeated("x")}`]) {
      expect(timed(() => splitPersonAndRole(text, ""))).toEqual({ role: text, name: "" });
    }
    expect(splitPersonAndRole("Hannah Okafor (deploy lead)", "")).toEqual({ role: "deploy lead", name: "Hannah Okafor" });
  });

  it("a recorded Go/No-Go call: the maker in parentheses and the ticked choice", () => {
    for (const text of [`Call (${repeated("(")}: GO`, `Call (${repeated("a")}: GO`, `Call: ${repeated("[x] ")}/ NO-GO`, `Call: [x]${repeated(" ")}GO / NO-GO`, `Call: ${repeated("[x]")}`]) {
      timed(() => parseDecisionRecord(text));
    }
    expect(parseDecisionRecord("Go/no-go call (@nadia): [x] GO / [ ] NO-GO")).toMatchObject({ decision: "GO", decisionMaker: "@nadia" });
  });

  it("header cells with a note in parentheses", () => {
    for (const text of [repeated("("), repeated("()"), repeated(")"), `Start ${repeated("(UTC")}`]) {
      timed(() => mapColumns("timeline", [text, "Step"]));
    }
    expect(withoutParenthesised("Start (UTC)")).toBe("Start  ");
    expect(withoutParenthesised("Owner (on call (primary)) name")).toBe("Owner   name");
    expect(mapColumns("timeline", ["Start (UTC)", "Step"]).columns.size).toBeGreaterThan(0);
  });
});
