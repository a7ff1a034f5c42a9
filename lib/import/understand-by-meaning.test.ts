import { describe, expect, it } from "vitest";
import { parseDecisionRecord } from "@/lib/import/field-line";
import { ROOT_CONTEXT, contextFor, introducesTriggers, itemsReadAsConditions, namesGoNoGo } from "@/lib/import/heading-context";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { classifyTable } from "@/lib/import/table-semantics";
import { columnShape, shapeOf } from "@/lib/import/value-shapes";

const NO_CONTEXT = { inSignoff: false, inContacts: false };

describe("value shapes", () => {
  it.each([
    ["21:30", "clock"], ["9:05 am", "clock"], ["14:00 CET", "clock"], ["21:30–21:45", "clock"], ["2026-12-05 21:30 UTC", "clock"],
    ["T-24h", "offset"], ["T+15 min", "offset"], ["15 min", "duration"], ["2 hours", "duration"], ["~30-45 minutes", "duration"],
    ["< 1%", "percent"], ["99.5%", "percent"], ["ana@example.com", "email"], ["+49 30 555 0199", "phone"], ["(555) 010-0199", "phone"],
    ["Jane Roe", "person"], ["@kafka-oncall", "person"], ["✅", "status"], ["Done", "status"], ["erledigt", "status"],
    ["Drain the webhook consumers", "text"], ["2026.50", "text"],
  ])("%s reads as %s", (cell, shape) => {
    expect(shapeOf(cell)).toBe(shape);
  });

  it("calls a column by the shape at least two thirds of its filled cells share", () => {
    expect(columnShape([["21:00"], ["21:15"], [""], ["later"]], 0)).toBe("clock");
    expect(columnShape([["21:00"], ["soon"], ["21:15 CET"], ["later"]], 0)).toBeUndefined();
    expect(columnShape([[""], ["-"]], 0)).toBeUndefined();
  });
});

describe("classifyTable", () => {
  it("reads a timeline from header words in any order, their synonyms, and a zone note in parentheses", () => {
    for (const header of [
      ["Time (CET)", "Duration", "Phase", "Owner", "Status"],
      ["Owner", "Phase", "Start (UTC)", "Takes", "Result"],
      ["Slot", "What", "Who", "Takes", "✓"],
      ["Uhrzeit", "Dauer", "Schritt", "Verantwortlich", "Status"],
    ]) {
      const result = classifyTable(header, NO_CONTEXT, [["22:00", "15 min", "Cutover", "Ana", ""]]);
      expect(result?.kind, header.join("|")).toBe("timeline");
      expect(result?.weak, header.join("|")).toBe(false);
    }
  });

  it("reads a table from its values when the header alone makes no kind, and marks the guess weak", () => {
    const rows = [["21:30", "Freeze", "10m"], ["21:40", "Cut over", "25m"]];
    const result = classifyTable(["Kick", "Item", "Span of it"], NO_CONTEXT, rows);
    expect(result).toMatchObject({ kind: "timeline", weak: true });
    expect(result?.map.columns.get("time")).toBe(0);
    expect(result?.map.columns.get("duration")).toBe(2);
    expect(result?.inferred.join(" ")).toContain("times of day");
  });

  it("keeps a table with neither header words nor telling values unrecognised", () => {
    expect(classifyTable(["Kick", "Item"], NO_CONTEXT, [["soon", "Freeze"], ["later", "Cut over"]])).toBeUndefined();
  });

  it("names the columns a recognised header left unnamed from their values (\"Reach\" holding phone numbers)", () => {
    const result = classifyTable(["Who", "Mail", "Reach"], NO_CONTEXT, [["Olu Adeyemi", "olu@example.com", "+31 20 555 0148"]]);
    expect(result).toMatchObject({ kind: "contacts", weak: false });
    expect(result?.map.columns.get("phone")).toBe(2);
  });

  it("reads a narrow Check | Owner | Done table as a checklist", () => {
    expect(classifyTable(["Check", "Owner", "Done"], NO_CONTEXT)?.kind).toBe("checklist");
    expect(classifyTable(["Check", "Owner", "Done", "Notes"], NO_CONTEXT)).toBeUndefined();
  });

  it("warns on a weak guess in the import", () => {
    const { summary, warnings } = parsePlanMarkdown("# P\n\n## Run\n\n| Kick | Item | Span of it |\n|---|---|---|\n| 21:30 | Freeze | 10m |\n| 21:40 | Cut over | 25m |\n");
    expect(summary.timelineRows).toBe(2);
    expect(warnings).toEqual([expect.stringMatching(/^Line 5: a table with columns "Kick \| Item \| Span of it" was read as timeline from its values/)]);
  });
});

describe("rollback triggers introduced by a sentence", () => {
  const rollback = contextFor("Backing out", undefined);
  const steps = ["Rename the instance", "Restore the snapshot"];
  const conditions = ["error rate above 2% for 5 minutes", "p95 over 1.5 s", "replication fails"];

  it("knows rollback headings in their common forms, English and German", () => {
    for (const title of ["Rollback", "Rolling back", "Backing out", "If it goes wrong", "Fallback", "Rückfallplan (Rollback)", "4. Revert"]) {
      expect(contextFor(title, undefined).rollback, title).toBe(true);
    }
    expect(contextFor("Abbruchkriterien", undefined).rollbackTriggers).toBe(true);
    expect(contextFor("Deploy", undefined).rollback).toBe(false);
  });

  it("needs two signals of three: a rollback place or sentence, words of condition, items that read as conditions", () => {
    expect(introducesTriggers("Abort as soon as one of these happens:", rollback, conditions)).toBe(true);
    expect(introducesTriggers("Abort as soon as one of these happens:", rollback, steps)).toBe(true);
    expect(introducesTriggers("Watch for these:", rollback, conditions)).toBe(true);
    expect(introducesTriggers("Then:", rollback, steps)).toBe(false);
    expect(introducesTriggers("Roll back if any of these show up:", ROOT_CONTEXT, conditions)).toBe(true);
    expect(introducesTriggers("Check these if you like:", ROOT_CONTEXT, conditions)).toBe(false);
    expect(introducesTriggers("Wir rollen zurück, sobald einer dieser Fälle eintritt:", contextFor("Rückfallplan", undefined), conditions)).toBe(true);
    // Without the colon the sentence introduces nothing.
    expect(introducesTriggers("Roll back if any of these show up", rollback, conditions)).toBe(false);
  });

  it("reads items as conditions by thresholds and failures", () => {
    expect(itemsReadAsConditions(conditions)).toBe(true);
    expect(itemsReadAsConditions(steps)).toBe(false);
    expect(itemsReadAsConditions([])).toBe(false);
  });
});

describe("Go/No-Go", () => {
  it("knows the heading however the words are joined", () => {
    for (const title of ["Go/No-Go", "Go / No Go call", "Go-/No-Go-Entscheidung", "2.1.1 Go/No-Go for the cutover", "Go or no-go"]) {
      expect(namesGoNoGo(title.toLowerCase()), title).toBe(true);
      expect(contextFor(title, undefined)).toMatchObject({ signoff: true, gateKind: "go-no-go" });
    }
    expect(namesGoNoGo("going nowhere")).toBe(false);
  });

  it.each([
    ["**GO** / **NO-GO**", { options: ["GO", "NO-GO"] }],
    ["Final call: **NO-GO**", { options: ["GO", "NO-GO"], decision: "NO-GO" }],
    ["Outcome — GO", { options: ["GO", "NO-GO"], decision: "GO" }],
    ["[x] GO / [ ] NO-GO", { options: ["GO", "NO-GO"], decision: "GO" }],
    ["Go/no-go call (@nadia): GO / NO-GO / HOLD", { options: ["GO", "NO-GO", "HOLD"], decisionMaker: "@nadia" }],
  ])("reads %s as the recorded call", (line, expected) => {
    expect(parseDecisionRecord(line)).toEqual(expected);
  });

  it.each(["Go live with the new index", "HOLD", "All checks: green", "Ask the lead whether to go or not"])("does not read %s as a call", (line) => {
    expect(parseDecisionRecord(line)).toBeUndefined();
  });

  it("makes a decision gate of a Go/No-Go section's last item, and only there", () => {
    const gate = (text: string) => parsePlanMarkdown(text).document.gates;
    expect(gate("# P\n\n## Go / No-Go call\n\n1. Backups verified\n2. Final call: **NO-GO**\n")).toEqual([
      { id: "g1", sectionId: "s1", kind: "go-no-go", decisionOptions: ["GO", "NO-GO"], decision: "NO-GO", roles: [] },
    ]);
    expect(gate("# P\n\n## Deploy\n\n1. Backups verified\n2. Final call: **NO-GO**\n")).toEqual([]);
    expect(gate("# P\n\n## Go / No-Go call\n\n1. Final call: **NO-GO**\n2. Backups verified\n")).toEqual([]);
  });
});
