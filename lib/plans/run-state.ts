/**
 * How a plan's status reads as a headline: words first, the tone only supports them. Finished
 * states say how it ended; a running plan with failed steps says so.
 */
export type RunTone = "neutral" | "running" | "good" | "warning" | "bad";

export interface RunHeadline {
  label: string;
  tone: RunTone;
  finished: boolean;
}

const HEADLINES: Record<string, RunHeadline> = {
  DRAFT: { label: "Draft", tone: "neutral", finished: false },
  SCHEDULED: { label: "Scheduled", tone: "neutral", finished: false },
  IN_PROGRESS: { label: "In progress", tone: "running", finished: false },
  ROLLING_BACK: { label: "Rolling back", tone: "warning", finished: false },
  COMPLETE: { label: "Complete", tone: "good", finished: true },
  PARTIAL: { label: "Partially complete", tone: "warning", finished: true },
  ROLLED_BACK: { label: "Rolled back", tone: "warning", finished: true },
  ABORTED: { label: "Aborted", tone: "bad", finished: true },
};

export function runHeadline(status: string, failedCount = 0): RunHeadline {
  const headline = HEADLINES[status] ?? { label: status, tone: "neutral", finished: false };
  // A running plan with a failed step is not simply "in progress": the room must see it.
  if (status === "IN_PROGRESS" && failedCount > 0) return { ...headline, label: "In progress, with failures", tone: "bad" };
  return headline;
}
