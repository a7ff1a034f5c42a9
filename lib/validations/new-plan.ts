import { z } from "zod";

/** The fields that vary between runs of a template. */
export const newPlanFromTemplateSchema = z.object({
  templateId: z.string().min(1),
  feature: z.string().trim().min(1, { error: "Name the feature or service being deployed." }).max(120),
  version: z.string().trim().min(1, { error: "Give the version or release." }).max(60),
  environment: z.string().trim().min(1, { error: "Choose the environment." }).max(60),
  windowStart: z
    .string()
    .trim()
    .max(40)
    .refine((value) => value === "" || !Number.isNaN(Date.parse(value)), { error: "Enter the window start as a date and time." })
    .optional(),
  timeZone: z.string().trim().max(64).optional(),
  deployLead: z.string().trim().max(120).optional(),
});

export type NewPlanFromTemplateInput = z.infer<typeof newPlanFromTemplateSchema>;
