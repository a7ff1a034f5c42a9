import { describe, expect, it } from "vitest";
import type { FetchLike } from "@/lib/cli/api-client";
import { EXIT } from "@/lib/cli/exit-codes";
import { runCli, type CliIo } from "@/lib/cli/run-cli";
import type { PlanRunStatus } from "@/lib/plans/plan-run-status-shape";

/** A stand-in for the HTTP API, recording what the CLI sent; the integration test runs the real one. */
function fakeServer(summaries: PlanRunStatus[]) {
  const requests: { method: string; path: string; body?: unknown; authorization?: string }[] = [];
  let reads = 0;
  const fetch: FetchLike = async (url, init) => {
    const path = new URL(url).pathname + new URL(url).search;
    requests.push({ method: init.method, path, body: init.body ? JSON.parse(init.body) : undefined, authorization: init.headers.Authorization });
    if (init.headers.Authorization !== "Bearer pfl_test") return Response.json({ error: { code: "unauthenticated", message: "Sign in to use this API." } }, { status: 401 });
    if (path.endsWith("/status")) return Response.json(summaries[Math.min(reads++, summaries.length - 1)]);
    if (path.includes("/events?after=")) return Response.json({ events: reads < summaries.length ? [{ seq: 1 }] : [] });
    if (path.endsWith("/changes")) return Response.json({ event: { seq: 9 } }, { status: 201 });
    if (path === "/api/plans" && init.method === "POST") return Response.json({ plan: { id: "p2", title: "Imported" } }, { status: 201 });
    return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  };
  return { fetch, requests };
}

function io(fetch: FetchLike, env: Record<string, string> = { PREFLIGHT_URL: "https://preflight.example.com/", PREFLIGHT_TOKEN: "pfl_test" }) {
  let clock = 0;
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    env,
    fetch,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    readFile: async () => new Uint8Array(),
    writeFile: async () => {},
    localImport: async () => EXIT.ok,
  };
  return { cli, out, err, elapsed: () => clock };
}

const summary = (overrides: Partial<PlanRunStatus> = {}): PlanRunStatus => ({
  id: "p1",
  title: "Checkout v2",
  status: "SCHEDULED",
  seq: 4,
  progress: { settled: 0, total: 2, failed: 0 },
  items: [
    { id: "i1", text: "Deploy to staging", section: "Deploy", status: "PENDING", version: 0, required: true, check: null },
    { id: "i2", text: "Deploy to production", section: "Deploy", status: "PENDING", version: 3, required: true, check: null },
  ],
  gates: [{ id: "g1", title: "Go/No-Go", kind: "GO_NO_GO", state: "pending", decision: null, roles: [], rejections: [] }],
  ...overrides,
});

const decided = (value: "GO" | "NO_GO") =>
  summary({ seq: 5, gates: [{ id: "g1", title: "Go/No-Go", kind: "GO_NO_GO", state: value === "GO" ? "satisfied" : "rejected", decision: { decision: value, by: "Dana", rationale: "ok", stale: false }, roles: [], rejections: [] }] });

describe("preflight commands against the HTTP API", () => {
  it("tick finds the step by its text and sends its version, the note and the evidence with the bearer token", async () => {
    const server = fakeServer([summary()]);
    const run = io(server.fetch);
    expect(await runCli(["tick", "p1", "production", "--note", "v2.4.1", "--evidence", "https://ci.example.com/7"], run.cli)).toBe(EXIT.ok);
    expect(server.requests.at(-1)).toEqual({
      method: "POST",
      path: "/api/plans/p1/changes",
      authorization: "Bearer pfl_test",
      body: { type: "item.status", itemId: "i2", status: "DONE", expectedVersion: 3, note: "v2.4.1\nEvidence: https://ci.example.com/7" },
    });
    expect(run.out).toEqual(['Ticked "Deploy to production" done.']);
  });

  it("tick refuses an ambiguous step, listing the candidates, and sends nothing", async () => {
    const server = fakeServer([summary()]);
    const run = io(server.fetch);
    expect(await runCli(["tick", "p1", "deploy"], run.cli)).toBe(EXIT.requestFailed);
    expect(run.err[0]).toContain('"deploy" matches 2 steps');
    expect(server.requests.filter((request) => request.method === "POST")).toEqual([]);
  });

  it("wait exits 0 after a GO, 1 after a NO-GO and 2 on time-out, reading the summary again only when events moved on", async () => {
    const go = fakeServer([summary(), summary(), decided("GO")]);
    expect(await runCli(["wait", "p1", "--gate", "go/no-go", "--json"], io(go.fetch).cli)).toBe(EXIT.ok);
    expect(go.requests.some((request) => request.path === "/api/plans/p1/events?after=4")).toBe(true);

    const noGo = io(fakeServer([summary(), decided("NO_GO")]).fetch);
    expect(await runCli(["wait", "p1", "--gate", "g1"], noGo.cli)).toBe(EXIT.refused);
    expect(noGo.out).toEqual(["Go/No-Go: NO-GO by Dana — ok."]);

    const never = io(fakeServer([summary()]).fetch);
    expect(await runCli(["wait", "p1", "--gate", "g1", "--timeout", "30s", "--interval", "5s"], never.cli)).toBe(EXIT.timedOut);
    expect(never.elapsed()).toBe(30_000);
    expect(never.out).toEqual(["Timed out after 30s. Go/No-Go: waiting for the Go/No-Go decision."]);
  });

  it("says what is wrong with the setup, the token or the address, each with its own exit code", async () => {
    const missing = io(fakeServer([summary()]).fetch, {});
    expect(await runCli(["status", "p1"], missing.cli)).toBe(EXIT.usage);
    expect(missing.err).toEqual(["preflight: Set PREFLIGHT_URL to the address of your Preflight server (e.g. https://preflight.example.com)."]);

    const wrongToken = io(fakeServer([summary()]).fetch, { PREFLIGHT_URL: "https://x", PREFLIGHT_TOKEN: "pfl_revoked" });
    expect(await runCli(["status", "p1"], wrongToken.cli)).toBe(EXIT.requestFailed);
    expect(wrongToken.err).toEqual(["preflight: Sign in to use this API. (HTTP 401) The token was refused: it may be expired or revoked."]);

    const down = io(async () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    });
    expect(await runCli(["status", "p1"], down.cli)).toBe(EXIT.unreachable);
    expect(down.err).toEqual(["preflight: Cannot reach Preflight at https://preflight.example.com (connect ECONNREFUSED 127.0.0.1:9). Check PREFLIGHT_URL."]);
  });

  it("imports without a server when PREFLIGHT_URL is unset, with --local, and for every dry run", async () => {
    const local: string[] = [];
    const run = io(fakeServer([summary()]).fetch);
    run.cli.localImport = async (command) => {
      local.push(command.file);
      return EXIT.ok;
    };
    await runCli(["import", "a.md", "--dry-run"], run.cli);
    await runCli(["import", "b.md", "--local"], run.cli);
    run.cli.env = {};
    await runCli(["import", "c.md"], run.cli);
    expect(local).toEqual(["a.md", "b.md", "c.md"]);
  });

  it("imports through POST /api/plans when PREFLIGHT_URL is set", async () => {
    const server = fakeServer([summary()]);
    const run = io(server.fetch);
    run.cli.readFile = async () => new TextEncoder().encode("# Imported\n\n- [ ] Step\n");
    expect(await runCli(["import", "plan.md", "--json"], run.cli)).toBe(EXIT.ok);
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: "/api/plans", body: { from: "markdown", markdown: "# Imported\n\n- [ ] Step\n" } });
    expect(run.out).toEqual(['{"id":"p2","title":"Imported"}']);
    expect(await runCli(["import", "plan.md", "--template"], run.cli)).toBe(EXIT.usage);
  });
});
