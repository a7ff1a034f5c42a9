import { z } from "zod";
import { metricSchema } from "@/lib/plan-document/schema";
import { itemPlanningFieldsSchema } from "@/lib/planning/planning-schema";

/**
 * The structural edits of a plan (sections and steps added, changed, moved, removed) and
 * their undo, as parts of the one change union in lib/plan-state/change-schema.ts. Sizes are
 * limited here, so every transport refuses oversized input the same way.
 *
 * Placement: `after…Id: null` puts the section or step first among its siblings, an id right
 * after that sibling, and leaving it out puts it last. For moves, leaving `parentSectionId`
 * (or `parentItemId`) out keeps the current parent; null means top level.
 */
const id = z.string().min(1).max(64);
const version = z.number().int().min(0);
const sectionTitle = z.string().trim().min(1, { error: "A section needs a title." }).max(300);
const stepText = z.string().trim().min(1, { error: "A step needs some text." }).max(2000);
const notes = z.string().max(20_000);
const commands = z
  .array(z.object({ language: z.string().trim().max(40).optional(), code: z.string().max(20_000) }))
  .max(20, { error: "A step holds at most 20 command blocks." });
const plannedMinutes = z.number().int().min(0).max(100_000).nullable();
const metric = metricSchema.extend({ label: z.string().trim().max(200), unit: z.string().trim().max(40) });

export const sectionAddSchema = z.object({
  type: z.literal("section.add"),
  title: sectionTitle,
  parentSectionId: id.optional(),
  afterSectionId: id.nullable().optional(),
});

export const sectionEditSchema = z
  .object({ type: z.literal("section.edit"), sectionId: id, expectedVersion: version, title: sectionTitle.optional(), plannedMinutes: plannedMinutes.optional() })
  .refine((change) => change.title !== undefined || change.plannedMinutes !== undefined, { error: "Say what to change." });

export const sectionMoveSchema = z.object({
  type: z.literal("section.move"),
  sectionId: id,
  expectedVersion: version,
  parentSectionId: id.nullable().optional(),
  afterSectionId: id.nullable().optional(),
});

export const sectionRemoveSchema = z.object({ type: z.literal("section.remove"), sectionId: id, expectedVersion: version });

/**
 * A new step may come with its owners, dependencies and planned minutes, parsed with the same
 * schema as `item.plan` and written by the same writeItemPlanning, in the same transaction.
 */
export const itemAddSchema = itemPlanningFieldsSchema.extend({
  type: z.literal("item.add"),
  sectionId: id,
  text: stepText,
  afterItemId: id.nullable().optional(),
  parentItemId: id.optional(),
  notes: notes.optional(),
  commands: commands.optional(),
  required: z.boolean().optional(),
  critical: z.boolean().optional(),
  metric: metric.optional(),
});

export const itemEditSchema = z
  .object({
    type: z.literal("item.edit"),
    itemId: id,
    expectedVersion: version,
    text: stepText.optional(),
    notes: notes.optional(),
    commands: commands.optional(),
    required: z.boolean().optional(),
    critical: z.boolean().optional(),
    /** null removes the measured value. */
    metric: metric.nullable().optional(),
  })
  .refine((change) => [change.text, change.notes, change.commands, change.required, change.critical, change.metric].some((value) => value !== undefined), {
    error: "Say what to change.",
  });

export const itemMoveSchema = z.object({
  type: z.literal("item.move"),
  itemId: id,
  expectedVersion: version,
  sectionId: id,
  afterItemId: id.nullable().optional(),
  parentItemId: id.nullable().optional(),
});

export const itemRemoveSchema = z.object({ type: z.literal("item.remove"), itemId: id, expectedVersion: version });

/** Reverts the actor's own newest structural edit that is not undone yet, as a new change. */
export const planUndoSchema = z.object({ type: z.literal("plan.undo") });

export const STRUCTURAL_CHANGE_TYPES = ["section.add", "section.edit", "section.move", "section.remove", "item.add", "item.edit", "item.move", "item.remove"] as const;
export type StructuralChangeType = (typeof STRUCTURAL_CHANGE_TYPES)[number];

export type SectionAdd = z.infer<typeof sectionAddSchema>;
export type SectionEdit = z.infer<typeof sectionEditSchema>;
export type SectionMove = z.infer<typeof sectionMoveSchema>;
export type SectionRemove = z.infer<typeof sectionRemoveSchema>;
export type ItemAdd = z.infer<typeof itemAddSchema>;
export type ItemEdit = z.infer<typeof itemEditSchema>;
export type ItemMove = z.infer<typeof itemMoveSchema>;
export type ItemRemove = z.infer<typeof itemRemoveSchema>;
export type StructuralChange = SectionAdd | SectionEdit | SectionMove | SectionRemove | ItemAdd | ItemEdit | ItemMove | ItemRemove;
