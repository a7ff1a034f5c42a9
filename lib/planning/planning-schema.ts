import { z } from "zod";

/**
 * The planning fields of a step, as every transport accepts them: `item.plan` today, and
 * `item.add` / `item.edit` once they exist, parse with these same schemas.
 */
const id = z.string().min(1).max(64);

export const ownerRefSchema = z.union([
  z.object({ userId: id }).strict(),
  z.object({ title: z.string().trim().min(1, { error: "Name the sign-off title." }).max(100) }).strict(),
]);

export const dependencyTargetSchema = z.union([z.object({ itemId: id }).strict(), z.object({ sectionId: id }).strict()]);

export const MAX_OWNERS = 20;
export const MAX_DEPENDENCIES = 50;
/** A week; a single step planned longer than that is a typo. */
export const MAX_PLANNED_MINUTES = 7 * 24 * 60;

export const itemPlanningFieldsSchema = z.object({
  owners: z.array(ownerRefSchema).max(MAX_OWNERS, { error: `A step can have at most ${MAX_OWNERS} owners.` }).optional(),
  dependsOn: z.array(dependencyTargetSchema).max(MAX_DEPENDENCIES, { error: `A step can wait for at most ${MAX_DEPENDENCIES} others.` }).optional(),
  /** Minutes the step is planned to take; null clears it. */
  plannedMinutes: z.number().int().min(1).max(MAX_PLANNED_MINUTES).nullable().optional(),
});

export type ItemPlanningFields = z.infer<typeof itemPlanningFieldsSchema>;
export type OwnerRefInput = z.infer<typeof ownerRefSchema>;
export type DependencyTargetInput = z.infer<typeof dependencyTargetSchema>;

/** A step's planning as stored, read and broadcast. */
export interface ItemPlanning {
  owners: OwnerRefInput[];
  dependsOn: DependencyTargetInput[];
  plannedMinutes: number | null;
}
