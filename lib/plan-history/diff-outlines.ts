import { diffLines } from "diff";

/** One run of lines in a diff: unchanged, only before, or only after. */
export interface DiffPart {
  kind: "same" | "removed" | "added";
  lines: string[];
}

/** A line diff of two renderings of a plan (outline-at.ts), as runs the Changes page colours. */
export function diffPlanText(before: string, after: string): DiffPart[] {
  return diffLines(before, after).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    lines: part.value.replace(/\n$/, "").split("\n"),
  }));
}
