import { parseArgs } from "node:util";
import { CliError, EXIT } from "@/lib/cli/exit-codes";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import { parseDurationMs } from "@/lib/time/duration-ms";

export { parseDurationMs };

/**
 * The command line of `preflight`, read into one command. Pure: every rule about flags is here
 * and unit-tested, and the commands (run-cli.ts) receive only what they need.
 */
export const USAGE = `usage: preflight <command> [options]

  status PLAN                                         the plan's status, steps and gates
  tick PLAN ITEM [--note TEXT] [--evidence URL]       mark a step done (ITEM: its id or unique text)
  sign PLAN GATE --title T --approve|--reject [--reason TEXT]
  decide PLAN GATE GO|NO-GO|DEFER --rationale TEXT
  wait PLAN --gate GATE | --status STATUS [--timeout 10m] [--interval 2s]
                                                      exit 0 when it holds, 1 when rejected/NO-GO, 2 on time-out
  import FILE [--dry-run] [--template] [--local] [--as EMAIL]
  export PLAN [--output FILE]

Every command takes --json for machine output. The server is PREFLIGHT_URL, the token
PREFLIGHT_TOKEN (sent as Authorization: Bearer). Without PREFLIGHT_URL, or with --local,
import writes to this installation's database directly; --dry-run never writes.`;

export type GoNoGo = "GO" | "NO_GO" | "DEFER";

export type CliCommand =
  | { name: "help" }
  | { name: "status"; plan: string; json: boolean }
  | { name: "tick"; plan: string; item: string; note?: string; evidence?: string; json: boolean }
  | { name: "sign"; plan: string; gate: string; title: string; decision: "APPROVE" | "REJECT"; reason?: string; json: boolean }
  | { name: "decide"; plan: string; gate: string; decision: GoNoGo; rationale: string; json: boolean }
  | { name: "wait"; plan: string; until: { gate: string } | { status: PlanStatusName }; timeoutMs: number; intervalMs: number; json: boolean }
  | { name: "import"; file: string; dryRun: boolean; template: boolean; local: boolean; as?: string; json: boolean }
  | { name: "export"; plan: string; output?: string; json: boolean };

const PLAN_STATUSES: readonly PlanStatusName[] = ["DRAFT", "SCHEDULED", "IN_PROGRESS", "ROLLING_BACK", "COMPLETE", "PARTIAL", "ROLLED_BACK", "ABORTED"];
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_INTERVAL_MS = 2_000;
/** Longer than any deployment window a pipeline should block on. */
const MAX_WAIT_MS = 7 * 24 * 3_600_000;
const MAX_TEXT = 2000;

const OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  note: { type: "string" },
  evidence: { type: "string" },
  title: { type: "string" },
  approve: { type: "boolean" },
  reject: { type: "boolean" },
  reason: { type: "string" },
  rationale: { type: "string" },
  gate: { type: "string" },
  status: { type: "string" },
  timeout: { type: "string" },
  interval: { type: "string" },
  "dry-run": { type: "boolean" },
  template: { type: "boolean" },
  local: { type: "boolean" },
  as: { type: "string" },
  output: { type: "string", short: "o" },
} as const;

const ALLOWED: Record<Exclude<CliCommand["name"], "help">, { positionals: string[]; flags: (keyof typeof OPTIONS)[] }> = {
  status: { positionals: ["PLAN"], flags: [] },
  tick: { positionals: ["PLAN", "ITEM"], flags: ["note", "evidence"] },
  sign: { positionals: ["PLAN", "GATE"], flags: ["title", "approve", "reject", "reason"] },
  decide: { positionals: ["PLAN", "GATE", "GO|NO-GO|DEFER"], flags: ["rationale"] },
  wait: { positionals: ["PLAN"], flags: ["gate", "status", "timeout", "interval"] },
  import: { positionals: ["FILE"], flags: ["dry-run", "template", "local", "as"] },
  export: { positionals: ["PLAN"], flags: ["output"] },
};

const usage = (message: string) => new CliError(EXIT.usage, `${message}\n\n${USAGE}`);

export function parseCliArguments(argv: readonly string[]): CliCommand {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") return { name: "help" };
  if (!(name in ALLOWED)) throw usage(`Unknown command "${name}".`);
  const command = name as keyof typeof ALLOWED;
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { name: "help" };
  const allowed = ALLOWED[command];
  for (const flag of Object.keys(values)) {
    if (flag !== "json" && !allowed.flags.includes(flag as keyof typeof OPTIONS)) throw usage(`${command} does not take --${flag}.`);
  }
  if (positionals.length !== allowed.positionals.length) {
    throw usage(`${command} takes ${allowed.positionals.join(" ")}${positionals.length > allowed.positionals.length ? `; unexpected "${positionals[allowed.positionals.length]}"` : ""}.`);
  }
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" && value.length > MAX_TEXT) throw usage(`--${key} is longer than ${MAX_TEXT} characters.`);
  }
  const json = values.json ?? false;
  const [first, second, third] = positionals as [string, string, string];
  switch (command) {
    case "status":
      return { name: "status", plan: first, json };
    case "tick":
      if (values.evidence !== undefined && !isHttpUrl(values.evidence)) throw usage("--evidence must be an http(s) URL.");
      return { name: "tick", plan: first, item: second, note: values.note, evidence: values.evidence, json };
    case "sign": {
      if (Boolean(values.approve) === Boolean(values.reject)) throw usage("sign needs exactly one of --approve or --reject.");
      if (!values.title) throw usage("sign needs --title, the sign-off title you sign for.");
      if (values.reject && !values.reason?.trim()) throw usage("--reject needs --reason: say why you reject it.");
      return { name: "sign", plan: first, gate: second, title: values.title, decision: values.approve ? "APPROVE" : "REJECT", reason: values.reason, json };
    }
    case "decide": {
      const decision = goNoGoOf(third);
      if (!decision) throw usage(`The decision is GO, NO-GO or DEFER, not "${third}".`);
      if (!values.rationale?.trim()) throw usage("decide needs --rationale: the reason for the decision.");
      return { name: "decide", plan: first, gate: second, decision, rationale: values.rationale, json };
    }
    case "wait": {
      if (Boolean(values.gate) === Boolean(values.status)) throw usage("wait needs exactly one of --gate GATE or --status STATUS.");
      const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseDurationMs(values.timeout);
      const intervalMs = values.interval === undefined ? DEFAULT_INTERVAL_MS : parseDurationMs(values.interval);
      if (timeoutMs === undefined || timeoutMs > MAX_WAIT_MS) throw usage(`--timeout takes a duration like 90s, 10m or 1h (at most 7 days), not "${values.timeout}".`);
      if (intervalMs === undefined || intervalMs < 100 || intervalMs > 60_000) throw usage(`--interval takes a duration between 100ms and 60s, not "${values.interval}".`);
      let until: { gate: string } | { status: PlanStatusName };
      if (values.gate) until = { gate: values.gate };
      else {
        const status = planStatusOf(values.status!);
        if (!status) throw usage(`--status is one of ${PLAN_STATUSES.join(", ")}, not "${values.status}".`);
        until = { status };
      }
      return { name: "wait", plan: first, until, timeoutMs, intervalMs, json };
    }
    case "import":
      return { name: "import", file: first, dryRun: values["dry-run"] ?? false, template: values.template ?? false, local: values.local ?? false, as: values.as, json };
    case "export":
      return { name: "export", plan: first, output: values.output, json };
  }
}

/** "go", "NO-GO", "no_go", "No Go" and "defer" in any case. */
export function goNoGoOf(text: string): GoNoGo | undefined {
  const normal = text.trim().toUpperCase().split("-").join("_").split(" ").join("_");
  return normal === "GO" || normal === "NO_GO" || normal === "DEFER" ? normal : undefined;
}

/** "complete", "IN_PROGRESS", "in-progress", "rolled back" in any case. */
export function planStatusOf(text: string): PlanStatusName | undefined {
  const normal = text.trim().toUpperCase().split("-").join("_").split(" ").join("_");
  return PLAN_STATUSES.find((status) => status === normal);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
