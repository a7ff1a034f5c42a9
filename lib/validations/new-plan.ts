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
  /** The deploy lead picked from the active accounts; they lead the plan too. */
  deployLeadId: z.string().trim().max(64).optional(),
  /** Who holds each sign-off title the template's gates need, by title: an account id. */
  titleHolders: z
    .record(z.string().trim().min(1).max(100), z.string().trim().min(1).max(64))
    .refine((values) => Object.keys(values).length <= 50, { error: "A template may use at most 50 sign-off titles." })
    .optional(),
  /** Titles left open take their holders from the last plan of the same service. */
  copyHoldersFromLastPlan: z.boolean().optional(),
  /** Values for the template's own placeholders (`{{previous_version}}`), by normalized name. */
  placeholders: z
    .record(z.string().max(60), z.string().trim().max(200, { error: "Keep this under 200 characters." }))
    .refine((values) => Object.keys(values).length <= 50, { error: "A template may use at most 50 placeholders." })
    .optional(),
});

/** Placeholders the fixed fields of the form fill; every other one gets a field of its own. */
export const FORM_PLACEHOLDERS: Record<string, keyof NewPlanFromTemplateInput> = {
  feature: "feature",
  service: "feature",
  version: "version",
  environment: "environment",
  window_start: "windowStart",
  deploy_lead: "deployLead",
};

/** The form field name for a template's own placeholder. */
export const PLACEHOLDER_FIELD_PREFIX = "placeholder.";

/** The form field name of the holder of a sign-off title. */
export const TITLE_HOLDER_FIELD_PREFIX = "holder.";

export type NewPlanFromTemplateInput = z.infer<typeof newPlanFromTemplateSchema>;
