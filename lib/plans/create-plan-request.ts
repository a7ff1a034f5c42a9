import { z } from "zod";
import { importPlan } from "@/lib/plans/import-plan";
import { createPlanFromTemplate } from "@/lib/templates/create-plan-from-template";
import { newPlanFromTemplateSchema } from "@/lib/validations/new-plan";

/** The largest Markdown document the API takes, as the import page's upload limit. */
export const MAX_PLAN_MARKDOWN_CHARS = 1024 * 1024;

/** The body of `POST /api/plans`: a plan from a template with its fields, or from a Markdown document. */
export const createPlanRequestSchema = z.discriminatedUnion("from", [
  newPlanFromTemplateSchema.extend({ from: z.literal("template") }),
  z.object({
    from: z.literal("markdown"),
    markdown: z.string().min(1, "Send the plan's Markdown.").max(MAX_PLAN_MARKDOWN_CHARS, "The document is larger than 1 MB. Split the plan or remove embedded data."),
  }),
]);
export type CreatePlanRequest = z.infer<typeof createPlanRequestSchema>;

/** Creates the plan the request describes, by the same paths as the template and import pages. */
export async function createPlanFromRequest(request: CreatePlanRequest, createdById: string): Promise<{ id: string; title: string }> {
  if (request.from === "markdown") {
    const plan = await importPlan({ markdown: request.markdown, createdById, as: "plan" });
    return { id: plan.id, title: plan.title };
  }
  const { from: _from, ...fields } = request;
  const plan = await createPlanFromTemplate({ ...fields, createdById });
  return { id: plan.id, title: plan.title };
}
