import { z } from "zod";
import { itemAddSchema, itemEditSchema, itemMoveSchema, itemRemoveSchema, sectionAddSchema, sectionEditSchema, sectionMoveSchema, sectionRemoveSchema } from "@/lib/plan-editing/edit-change-schema";
import { itemCheckSchema, itemPlanSchema } from "@/lib/plan-state/change-schema";

/**
 * The edits the template editor sends: the plan editor's structural changes, `item.plan` and `item.check`,
 * parsed by the same schemas (so the same size limits hold). Their `expectedVersion` fields
 * are the editor's; a template is versioned as a whole, by `expectedVersion` of the request.
 */
export const templateEditSchema = z.union([
  sectionAddSchema,
  sectionEditSchema,
  sectionMoveSchema,
  sectionRemoveSchema,
  itemAddSchema,
  itemEditSchema,
  itemMoveSchema,
  itemRemoveSchema,
  itemPlanSchema,
  itemCheckSchema,
]);

export const templateEditRequestSchema = z.object({
  templateId: z.string().min(1).max(64),
  /** The template's version the editor shows; another save in between is a 409. */
  expectedVersion: z.number().int().min(0),
  change: templateEditSchema,
});

export type TemplateEdit = z.infer<typeof templateEditSchema>;
export type TemplateEditRequest = z.infer<typeof templateEditRequestSchema>;
