import { formatCheckLine, parseCheckLine } from "@/lib/checks/check-line";
import { parseDuration } from "@/lib/import/time-text";
import type { PlanItem } from "@/lib/plan-document/schema";

/**
 * A step's planning written as field lines under it, one per line:
 *
 *     - [ ] Smoke test
 *       Owner: Eve Executor; DevOps Lead
 *       Depends on: Deploy; section Preparation
 *       Duration: 15 min
 *       Check: GET https://status.example.com/health expect 200 json /status == "ok"
 *
 * Lists are separated by ";" (step texts may hold commas). The export writes exactly this
 * form; lines are read with plain scans, no pattern over the user's text.
 */
export type ItemPlanningFields = Pick<PlanItem, "owners" | "dependsOn" | "plannedMinutes" | "check">;

const KEYS: Record<string, "owners" | "dependsOn" | "plannedMinutes" | "check"> = {
  owner: "owners",
  owners: "owners",
  "depends on": "dependsOn",
  "waits for": "dependsOn",
  duration: "plannedMinutes",
  check: "check",
};

/** "**Owner**: x" or "Owner: x" → ["owner", "x"]; undefined for any other line. */
function splitField(line: string): [string, string] | undefined {
  const colon = line.indexOf(":");
  if (colon <= 0) return undefined;
  const key = line.slice(0, colon).split("*").join("").trim().toLowerCase();
  const value = line.slice(colon + 1).trim();
  return key in KEYS ? [key, value] : undefined;
}

const list = (value: string) =>
  value
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "");

/**
 * The planning a paragraph under a step holds, or undefined when it is anything else (then
 * it stays the step's details). Every line must be a planning field.
 */
export function readPlanningFields(paragraph: string): ItemPlanningFields | undefined {
  const lines = paragraph.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  if (!lines.length) return undefined;
  const fields: ItemPlanningFields = {};
  for (const line of lines) {
    const field = splitField(line);
    if (!field) return undefined;
    const target = KEYS[field[0]]!;
    if (target === "plannedMinutes") {
      const duration = parseDuration(field[1]);
      if (!duration) return undefined;
      fields.plannedMinutes = duration.minutes;
    } else if (target === "check") {
      const check = parseCheckLine(field[1]);
      if (!check.ok) return undefined;
      fields.check = check.check;
    } else {
      fields[target] = [...(fields[target] ?? []), ...list(field[1])];
    }
  }
  return fields;
}

/** The field lines for a step's planning, or undefined when it has none. */
export function planningFieldLines(item: ItemPlanningFields): string | undefined {
  const lines: string[] = [];
  if (item.owners?.length) lines.push(`Owner: ${item.owners.join("; ")}`);
  if (item.dependsOn?.length) lines.push(`Depends on: ${item.dependsOn.join("; ")}`);
  if (item.plannedMinutes !== undefined) lines.push(`Duration: ${item.plannedMinutes} min`);
  if (item.check) lines.push(`Check: ${formatCheckLine(item.check)}`);
  return lines.length ? lines.join("\n") : undefined;
}
