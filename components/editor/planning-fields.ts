import { MAX_PLANNED_MINUTES, type DependencyTargetInput, type ItemPlanning, type OwnerRefInput } from "@/lib/planning/planning-schema";

/**
 * A step's owners, "waits for" and planned minutes as the step form holds them: owners and
 * targets as option keys ("user:…", "title:…", "item:…", "section:…") so one <select multiple>
 * can hold both kinds, minutes as typed.
 */
export interface PlanningFormValues {
  owners: string[];
  dependsOn: string[];
  plannedMinutes: string;
}

/** What the form offers: the plan's members and sign-off titles, and every step and section. */
export interface PlanningOptions {
  owners: { key: string; label: string }[];
  targets: { key: string; label: string }[];
}

export const EMPTY_PLANNING: ItemPlanning = { owners: [], dependsOn: [], plannedMinutes: null };

const ownerKey = (owner: OwnerRefInput) => ("userId" in owner ? `user:${owner.userId}` : `title:${owner.title}`);
const targetKey = (target: DependencyTargetInput) => ("itemId" in target ? `item:${target.itemId}` : `section:${target.sectionId}`);

export function planningFormValuesOf(planning: ItemPlanning): PlanningFormValues {
  return { owners: planning.owners.map(ownerKey), dependsOn: planning.dependsOn.map(targetKey), plannedMinutes: planning.plannedMinutes === null ? "" : String(planning.plannedMinutes) };
}

function ownerOf(key: string): OwnerRefInput {
  return key.startsWith("user:") ? { userId: key.slice("user:".length) } : { title: key.slice("title:".length) };
}

function targetOf(key: string): DependencyTargetInput {
  return key.startsWith("item:") ? { itemId: key.slice("item:".length) } : { sectionId: key.slice("section:".length) };
}

export type ParsedPlanningForm = { ok: true; planning: ItemPlanning } | { ok: false; message: string };

/** Checks the planned minutes as the server will (a whole number of minutes, at most a week). */
export function parsePlanningForm(values: PlanningFormValues): ParsedPlanningForm {
  const typed = values.plannedMinutes.trim();
  let plannedMinutes: number | null = null;
  if (typed) {
    plannedMinutes = Number(typed);
    if (!Number.isInteger(plannedMinutes) || plannedMinutes < 1 || plannedMinutes > MAX_PLANNED_MINUTES) {
      return { ok: false, message: `Planned minutes must be a whole number from 1 to ${MAX_PLANNED_MINUTES}.` };
    }
  }
  return { ok: true, planning: { owners: values.owners.map(ownerOf), dependsOn: values.dependsOn.map(targetOf), plannedMinutes } };
}

/** The `item.plan` fields that differ (an empty object: nothing to send). */
export function changedPlanning(before: ItemPlanning, after: ItemPlanning): Partial<ItemPlanning> {
  const changed: Partial<ItemPlanning> = {};
  const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((key, index) => key === b[index]);
  if (!sameKeys(before.owners.map(ownerKey), after.owners.map(ownerKey))) changed.owners = after.owners;
  if (!sameKeys(before.dependsOn.map(targetKey), after.dependsOn.map(targetKey))) changed.dependsOn = after.dependsOn;
  if (before.plannedMinutes !== after.plannedMinutes) changed.plannedMinutes = after.plannedMinutes;
  return changed;
}

/** The planning fields of a new step's `item.add`: only those set. */
export function planningForAdd(planning: ItemPlanning): Partial<ItemPlanning> {
  return {
    ...(planning.owners.length ? { owners: planning.owners } : {}),
    ...(planning.dependsOn.length ? { dependsOn: planning.dependsOn } : {}),
    ...(planning.plannedMinutes !== null ? { plannedMinutes: planning.plannedMinutes } : {}),
  };
}

/**
 * The options for the step form: members by name, every title the server takes as an owner
 * (held by a member, asked for by a sign-off, or already owning a step, as an imported
 * "DBA" does before anyone holds it), and every step and section (the step itself left out,
 * since it cannot wait for itself).
 */
export function planningOptionsOf(
  members: readonly { userId: string; name: string; titles: readonly string[] }[],
  sections: readonly { id: string; title: string; items: readonly { id: string; text: string }[] }[],
  otherTitles: readonly string[] = [],
): PlanningOptions {
  const titles = [...new Set([...members.flatMap((member) => member.titles), ...otherTitles])].sort();
  return {
    owners: [...members.map((member) => ({ key: `user:${member.userId}`, label: member.name })), ...titles.map((title) => ({ key: `title:${title}`, label: `${title} (title)` }))],
    targets: sections.flatMap((section) => [
      { key: `section:${section.id}`, label: `Section: ${section.title}` },
      ...section.items.map((item) => ({ key: `item:${item.id}`, label: item.text })),
    ]),
  };
}

/** Steps' planning in words for their editor rows, with names and titles from the form's options (looked up once for the whole plan). */
export function planningSummarizer(options: PlanningOptions): (planning: ItemPlanning) => string[] {
  const owners = new Map(options.owners.map((owner) => [owner.key, owner.label]));
  const targets = new Map(options.targets.map((target) => [target.key, target.label]));
  return (planning) => planningSummaryOf(planning, owners, targets);
}

function planningSummaryOf(planning: ItemPlanning, owners: Map<string, string>, targets: Map<string, string>): string[] {
  const summary: string[] = [];
  if (planning.owners.length) summary.push(`Owners: ${planning.owners.map((owner) => owners.get(ownerKey(owner)) ?? ("title" in owner ? owner.title : "a former member")).join(", ")}`);
  if (planning.dependsOn.length) summary.push(`Waits for: ${planning.dependsOn.map((target) => targets.get(targetKey(target)) ?? "a removed step").join(", ")}`);
  if (planning.plannedMinutes !== null) summary.push(`${planning.plannedMinutes} min`);
  return summary;
}
