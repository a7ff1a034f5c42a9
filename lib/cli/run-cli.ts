import { apiClient, ApiError, type ApiClient, type FetchLike } from "@/lib/cli/api-client";
import { parseCliArguments, USAGE, type CliCommand } from "@/lib/cli/arguments";
import { CliError, EXIT, type ExitCode } from "@/lib/cli/exit-codes";
import { requireMatch } from "@/lib/cli/match-by-text";
import { judgeWait, type WaitUntil } from "@/lib/cli/wait-condition";
import type { PlanRunStatus } from "@/lib/plans/plan-run-status-shape";

/**
 * The `preflight` commands. Everything outside the process (the server, the clock, files,
 * the terminal) comes in through `CliIo`, so the unit tests run the commands against a
 * fake server and the integration test against the real one.
 */
export interface CliIo {
  env: Record<string, string | undefined>;
  fetch: FetchLike;
  out(text: string): void;
  err(text: string): void;
  now(): number;
  sleep(ms: number): Promise<void>;
  readFile(file: string): Promise<Uint8Array>;
  writeFile(file: string, text: string): Promise<void>;
  /** The import that writes to this installation's database (no server), for `import --local` or without PREFLIGHT_URL. */
  localImport(command: Extract<CliCommand, { name: "import" }>): Promise<ExitCode>;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    const command = parseCliArguments(argv);
    if (command.name === "help") {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (command.name === "import" && (command.dryRun || command.local || !io.env.PREFLIGHT_URL)) return await io.localImport(command);
    return await runRemote(command, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`preflight: ${error.message}`);
      return error.code;
    }
    throw error;
  }
}

function client(io: CliIo): ApiClient {
  const baseUrl = io.env.PREFLIGHT_URL;
  if (!baseUrl) throw new CliError(EXIT.usage, "Set PREFLIGHT_URL to the address of your Preflight server (e.g. https://preflight.example.com).");
  if (!io.env.PREFLIGHT_TOKEN) throw new CliError(EXIT.usage, "Set PREFLIGHT_TOKEN to an API token (create one on the Tokens page).");
  return apiClient({ baseUrl, token: io.env.PREFLIGHT_TOKEN, fetch: io.fetch });
}

const planPath = (plan: string) => `/api/plans/${encodeURIComponent(plan)}`;
const summaryOf = (api: ApiClient, plan: string) => api.json<PlanRunStatus>("GET", `${planPath(plan)}/status`);

async function runRemote(command: Exclude<CliCommand, { name: "help" }>, io: CliIo): Promise<ExitCode> {
  const api = client(io);
  switch (command.name) {
    case "status":
      return status(api, command, io);
    case "tick":
      return tick(api, command, io);
    case "sign":
    case "decide":
      return sign(api, command, io);
    case "wait":
      return wait(api, command, io);
    case "import":
      return importRemote(api, command, io);
    case "export":
      return exportPlan(api, command, io);
  }
}

const STATUS_MARK: Record<string, string> = { DONE: "[x]", PENDING: "[ ]", FAILED: "[!]", SKIPPED: "[-]", NOT_APPLICABLE: "[~]" };

async function status(api: ApiClient, command: Extract<CliCommand, { name: "status" }>, io: CliIo): Promise<ExitCode> {
  const summary = await summaryOf(api, command.plan);
  if (command.json) {
    io.out(JSON.stringify(summary, null, 2));
    return EXIT.ok;
  }
  const { settled, total, failed } = summary.progress;
  io.out(`${summary.title} — ${summary.status.toLowerCase().split("_").join(" ")}, ${settled}/${total} required steps settled${failed ? `, ${failed} failed` : ""}`);
  if (summary.gates.length) io.out("Gates:");
  for (const gate of summary.gates) {
    const decision = gate.decision ? ` (${gate.decision.decision.split("_").join("-")} by ${gate.decision.by}${gate.decision.stale ? ", stale" : ""})` : "";
    io.out(`  ${gate.state.padEnd(9)} ${gate.title}${decision}  [${gate.id}]`);
  }
  let section = "";
  for (const item of summary.items) {
    if (item.section !== section) {
      section = item.section;
      io.out(`${section || "Steps"}:`);
    }
    io.out(`  ${STATUS_MARK[item.status] ?? "[?]"} ${item.text}${item.check ? "  (checks itself)" : ""}  [${item.id}]`);
  }
  return EXIT.ok;
}

async function tick(api: ApiClient, command: Extract<CliCommand, { name: "tick" }>, io: CliIo): Promise<ExitCode> {
  const note = [command.note?.trim(), command.evidence ? `Evidence: ${command.evidence}` : undefined].filter(Boolean).join("\n") || undefined;
  // One retry: someone else may change the step between our read and our tick.
  for (let attempt = 0; ; attempt += 1) {
    const summary = await summaryOf(api, command.plan);
    const item = requireMatch(summary.items, command.item, "step");
    if (item.status === "DONE") {
      report(io, command.json, { itemId: item.id, text: item.text, status: "DONE", changed: false }, `"${item.text}" is already done; nothing changed.`);
      return EXIT.ok;
    }
    try {
      const { event } = await api.json<{ event: { seq: number } }>("POST", `${planPath(command.plan)}/changes`, {
        type: "item.status",
        itemId: item.id,
        status: "DONE",
        expectedVersion: item.version,
        ...(note ? { note } : {}),
      });
      report(io, command.json, { itemId: item.id, text: item.text, status: "DONE", changed: true, seq: event.seq }, `Ticked "${item.text}" done.`);
      return EXIT.ok;
    } catch (error) {
      const versionConflict = error instanceof ApiError && error.status === 409 && "item" in error.details;
      if (!versionConflict || attempt >= 1) throw error;
    }
  }
}

async function sign(api: ApiClient, command: Extract<CliCommand, { name: "sign" | "decide" }>, io: CliIo): Promise<ExitCode> {
  const summary = await summaryOf(api, command.plan);
  const gate = requireMatch(
    summary.gates.map((entry) => ({ ...entry, text: entry.title })),
    command.gate,
    "gate",
  );
  const change =
    command.name === "sign"
      ? { type: "gate.sign", gateId: gate.id, title: command.title, decision: command.decision, ...(command.reason ? { comment: command.reason } : {}) }
      : { type: "gate.decide", gateId: gate.id, decision: command.decision, rationale: command.rationale };
  const { event } = await api.json<{ event: { seq: number } }>("POST", `${planPath(command.plan)}/changes`, change);
  const what = command.name === "sign" ? `${command.decision === "APPROVE" ? "Approved" : "Rejected"} ${gate.title} as ${command.title}` : `Recorded ${command.decision.split("_").join("-")} on ${gate.title}`;
  report(io, command.json, { gateId: gate.id, gate: gate.title, decision: command.decision, seq: event.seq }, `${what}.`);
  return EXIT.ok;
}

async function wait(api: ApiClient, command: Extract<CliCommand, { name: "wait" }>, io: CliIo): Promise<ExitCode> {
  const deadline = io.now() + command.timeoutMs;
  let summary = await summaryOf(api, command.plan);
  const until: WaitUntil =
    "gate" in command.until
      ? {
          gateId: requireMatch(
            summary.gates.map((entry) => ({ ...entry, text: entry.title })),
            command.until.gate,
            "gate",
          ).id,
        }
      : command.until;
  let lastMessage = "";
  for (;;) {
    const verdict = judgeWait(summary, until);
    if (verdict.outcome !== "pending") {
      report(io, command.json, { outcome: verdict.outcome, message: verdict.message, status: summary.status, seq: summary.seq }, verdict.message);
      return verdict.outcome === "holds" ? EXIT.ok : EXIT.refused;
    }
    if (verdict.message !== lastMessage && !command.json) io.err(verdict.message);
    lastMessage = verdict.message;
    // Follow the plan's events from the sequence number we saw; only when there are new ones
    // is the summary read again.
    let moved = false;
    while (!moved) {
      const left = deadline - io.now();
      if (left <= 0) {
        const message = `Timed out after ${formatDuration(command.timeoutMs)}. ${verdict.message}`;
        report(io, command.json, { outcome: "timed-out", message, status: summary.status, seq: summary.seq }, message);
        return EXIT.timedOut;
      }
      await io.sleep(Math.min(command.intervalMs, left));
      moved = await eventsAfter(api, command.plan, summary.seq);
    }
    summary = await summaryOf(api, command.plan);
  }
}

async function eventsAfter(api: ApiClient, plan: string, seq: number): Promise<boolean> {
  try {
    const answer = await api.json<{ events?: unknown[]; items?: unknown[] }>("GET", `${planPath(plan)}/events?after=${seq}`);
    return (answer.events ?? answer.items ?? []).length > 0;
  } catch (error) {
    // 409: too many events to replay; the summary says where the plan stands anyway.
    if (error instanceof ApiError && error.status === 409) return true;
    throw error;
  }
}

async function importRemote(api: ApiClient, command: Extract<CliCommand, { name: "import" }>, io: CliIo): Promise<ExitCode> {
  if (command.template) throw new CliError(EXIT.usage, "The HTTP API creates plans, not templates; save a template with --local on the server, or on the import page.");
  const bytes = await io.readFile(command.file).catch(() => {
    throw new CliError(EXIT.usage, `Cannot read ${command.file}.`);
  });
  const markdown = new TextDecoder().decode(bytes);
  const { plan } = await api.json<{ plan: { id: string; title: string } }>("POST", "/api/plans", { from: "markdown", markdown });
  report(io, command.json, plan, `Created plan "${plan.title}" (${plan.id}).`);
  return EXIT.ok;
}

async function exportPlan(api: ApiClient, command: Extract<CliCommand, { name: "export" }>, io: CliIo): Promise<ExitCode> {
  const markdown = await api.text("GET", `${planPath(command.plan)}/export`);
  if (command.output) {
    await io.writeFile(command.output, markdown);
    report(io, command.json, { planId: command.plan, file: command.output, bytes: Buffer.byteLength(markdown) }, `Wrote ${command.output}.`);
  } else if (command.json) {
    io.out(JSON.stringify({ planId: command.plan, markdown }));
  } else {
    io.out(markdown);
  }
  return EXIT.ok;
}

function report(io: CliIo, json: boolean, data: unknown, text: string) {
  io.out(json ? JSON.stringify(data) : text);
}

function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms / 1000}s`;
}
