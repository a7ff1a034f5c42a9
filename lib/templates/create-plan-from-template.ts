import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { documentPlaceholders, fillTemplateDocument } from "@/lib/templates/fill-document";
import { normalizePlaceholderName, placeholderLabel } from "@/lib/templates/fill-placeholders";
import { getTemplateDocument } from "@/lib/templates/list-templates";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { FORM_PLACEHOLDERS, type NewPlanFromTemplateInput } from "@/lib/validations/new-plan";

export interface TemplateField {
  /** Normalized placeholder name, e.g. "previous_version". */
  name: string;
  label: string;
}

/** The placeholders of a template that the form's fixed fields do not cover: each needs a field. */
export function templateOwnFields(document: PlanDocument): TemplateField[] {
  return documentPlaceholders(document)
    .filter((name) => !Object.hasOwn(FORM_PLACEHOLDERS, name))
    .map((name) => ({ name, label: placeholderLabel(name) }));
}

/** The document of a new plan: the template with every placeholder filled (else a 422 naming them). */
export function fillTemplateForPlan(document: PlanDocument, input: Omit<NewPlanFromTemplateInput, "templateId">): PlanDocument {
  const windowStart = input.windowStart ? input.windowStart.replace("T", " ") + (input.timeZone ? ` ${input.timeZone}` : "") : undefined;
  const own = Object.fromEntries(Object.entries(input.placeholders ?? {}).map(([name, value]) => [normalizePlaceholderName(name), value]));
  const filled = fillTemplateDocument(document, {
    ...own,
    feature: input.feature,
    service: input.feature,
    version: input.version,
    environment: input.environment,
    window_start: windowStart,
    deploy_lead: input.deployLead,
  });
  // Fields the template left blank rather than as placeholders still get the values given.
  filled.metadata = {
    ...filled.metadata,
    feature: filled.metadata.feature || input.feature,
    version: filled.metadata.version || input.version,
    environment: filled.metadata.environment || input.environment,
    deployLead: filled.metadata.deployLead || input.deployLead || undefined,
    window: { ...filled.metadata.window, start: filled.metadata.window.start || windowStart },
  };
  return filled;
}

/** A new plan from a template, with the fields that vary filled into its placeholders. */
export async function createPlanFromTemplate(input: NewPlanFromTemplateInput & { createdById: string }) {
  const { document } = await getTemplateDocument(input.templateId);
  return createPlanFromDocument({ document: fillTemplateForPlan(document, input), createdById: input.createdById });
}
