import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/window";

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
  /** The browser's zone, in which the window start was entered. */
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((zone) => zone === "" || isValidTimeZone(zone), { error: "Your browser reported a time zone this server does not know; the window would be read as UTC." })
    .optional(),
  deployLead: z.string().trim().max(120).optional(),
});

export type NewPlanFromTemplateInput = z.infer<typeof newPlanFromTemplateSchema>;
