import type { GateKindName } from "@/lib/signoffs/gate-rules";
import type { ItemStatusName } from "@/lib/plans/progress";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";

/**
 * A plan at a glance, as `GET /api/plans/:id/status` answers it: what a pipeline or the
 * `preflight` CLI needs to find a step or gate by its text and to know where a run stands.
 * Shared by the server (plan-run-status.ts) and the CLI, which only reads it.
 */
export interface PlanRunStatus {
  id: string;
  title: string;
  status: PlanStatusName;
  /** The sequence number of the plan's last event: `GET /api/plans/:id/events?after=` continues from here. */
  seq: number;
  progress: { settled: number; total: number; failed: number };
  items: RunStatusItem[];
  gates: RunStatusGate[];
}

export interface RunStatusItem {
  id: string;
  text: string;
  section: string;
  status: ItemStatusName;
  version: number;
  required: boolean;
  /** The step's HTTP check, when it has one (lib/checks/). */
  check: { method: string; url: string } | null;
}

export interface RunStatusGate {
  id: string;
  title: string;
  kind: GateKindName;
  state: "satisfied" | "pending" | "rejected";
  /** The Go/No-Go decision in force, for a Go/No-Go gate. */
  decision: { decision: "GO" | "NO_GO" | "DEFER"; by: string; rationale: string | null; stale: boolean } | null;
  roles: { title: string; quorum: number; state: "signed" | "pending" | "rejected" | "stale" }[];
  /** Fresh rejections, with who gave them and why. */
  rejections: { title: string; by: string; reason: string | null }[];
}
