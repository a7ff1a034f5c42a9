import { describe, expect, it } from "vitest";
import { goNoGoOf, parseCliArguments, parseDurationMs, planStatusOf } from "@/lib/cli/arguments";
import { CliError, EXIT } from "@/lib/cli/exit-codes";

function usageError(argv: string[]): string {
  try {
    parseCliArguments(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe(EXIT.usage);
    return (error as CliError).message.split("\n")[0]!;
  }
  throw new Error(`expected ${argv.join(" ")} to be refused`);
}

describe("preflight's command line", () => {
  it("reads each command with its flags", () => {
    expect(parseCliArguments(["status", "p1", "--json"])).toEqual({ name: "status", plan: "p1", json: true });
    expect(parseCliArguments(["tick", "p1", "Deploy to production", "--note", "v2.4.1", "--evidence", "https://ci.example.com/run/7"])).toEqual({
      name: "tick",
      plan: "p1",
      item: "Deploy to production",
      note: "v2.4.1",
      evidence: "https://ci.example.com/run/7",
      json: false,
    });
    expect(parseCliArguments(["sign", "p1", "Pre-deploy", "--title", "QA Lead", "--reject", "--reason", "Smoke tests red"])).toMatchObject({
      name: "sign",
      gate: "Pre-deploy",
      title: "QA Lead",
      decision: "REJECT",
      reason: "Smoke tests red",
    });
    expect(parseCliArguments(["decide", "p1", "go-no-go", "NO-GO", "--rationale", "Error rate"])).toMatchObject({ name: "decide", decision: "NO_GO", rationale: "Error rate" });
    expect(parseCliArguments(["wait", "p1", "--gate", "Go/No-Go", "--timeout", "90s"])).toEqual({
      name: "wait",
      plan: "p1",
      until: { gate: "Go/No-Go" },
      timeoutMs: 90_000,
      intervalMs: 2_000,
      json: false,
    });
    expect(parseCliArguments(["wait", "p1", "--status", "complete"])).toMatchObject({ until: { status: "COMPLETE" }, timeoutMs: 600_000 });
    expect(parseCliArguments(["import", "plan.md", "--dry-run", "--json"])).toMatchObject({ name: "import", file: "plan.md", dryRun: true, local: false, json: true });
    expect(parseCliArguments(["export", "p1", "-o", "plan.md"])).toMatchObject({ name: "export", output: "plan.md" });
    expect(parseCliArguments([])).toEqual({ name: "help" });
    expect(parseCliArguments(["tick", "--help"])).toEqual({ name: "help" });
  });

  it("refuses what it cannot do with a message that says what to write instead", () => {
    expect(usageError(["deploy"])).toBe('Unknown command "deploy".');
    expect(usageError(["tick", "p1"])).toBe("tick takes PLAN ITEM.");
    expect(usageError(["status", "p1", "extra"])).toBe('status takes PLAN; unexpected "extra".');
    expect(usageError(["status", "p1", "--note", "x"])).toBe("status does not take --note.");
    expect(usageError(["tick", "p1", "x", "--evidence", "ftp://x"])).toBe("--evidence must be an http(s) URL.");
    expect(usageError(["sign", "p1", "g", "--title", "QA"])).toBe("sign needs exactly one of --approve or --reject.");
    expect(usageError(["sign", "p1", "g", "--title", "QA", "--approve", "--reject"])).toBe("sign needs exactly one of --approve or --reject.");
    expect(usageError(["sign", "p1", "g", "--approve"])).toBe("sign needs --title, the sign-off title you sign for.");
    expect(usageError(["sign", "p1", "g", "--title", "QA", "--reject"])).toBe("--reject needs --reason: say why you reject it.");
    expect(usageError(["decide", "p1", "g", "MAYBE", "--rationale", "x"])).toBe('The decision is GO, NO-GO or DEFER, not "MAYBE".');
    expect(usageError(["decide", "p1", "g", "GO"])).toBe("decide needs --rationale: the reason for the decision.");
    expect(usageError(["wait", "p1"])).toBe("wait needs exactly one of --gate GATE or --status STATUS.");
    expect(usageError(["wait", "p1", "--gate", "g", "--status", "complete"])).toBe("wait needs exactly one of --gate GATE or --status STATUS.");
    expect(usageError(["wait", "p1", "--status", "done"])).toMatch(/^--status is one of DRAFT, SCHEDULED/);
    expect(usageError(["wait", "p1", "--gate", "g", "--timeout", "soon"])).toMatch(/^--timeout takes a duration/);
    expect(usageError(["wait", "p1", "--gate", "g", "--interval", "1ms"])).toMatch(/^--interval takes a duration/);
    expect(usageError(["tick", "p1", "x", "--verbose"])).toMatch(/Unknown option '--verbose'/);
    expect(usageError(["tick", "p1", "x", "--note", "n".repeat(2001)])).toBe("--note is longer than 2000 characters.");
  });

  it("reads durations, decisions and statuses as people write them", () => {
    expect(parseDurationMs("10m")).toBe(600_000);
    expect(parseDurationMs("1h30m")).toBe(5_400_000);
    expect(parseDurationMs("500ms")).toBe(500);
    expect(parseDurationMs("90")).toBe(90_000);
    expect(parseDurationMs("1.5s")).toBe(1500);
    for (const bad of ["", "m", "10x", "1m30", "-5s", "1e9h"]) expect(parseDurationMs(bad)).toBeUndefined();
    expect(parseDurationMs("1".repeat(100 * 1024))).toBeUndefined();
    expect(goNoGoOf("no go")).toBe("NO_GO");
    expect(goNoGoOf("Defer")).toBe("DEFER");
    expect(goNoGoOf("nogo")).toBeUndefined();
    expect(planStatusOf("rolled-back")).toBe("ROLLED_BACK");
    expect(planStatusOf("in progress")).toBe("IN_PROGRESS");
  });
});
