import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { fillDocumentPlaceholders } from "@/lib/templates/fill-document";
import { getTemplateDocument } from "@/lib/templates/list-templates";
import type { NewPlanFromTemplateInput } from "@/lib/validations/new-plan";

/** A new plan from a template, with the fields that vary filled into its placeholders. */
export async function createPlanFromTemplate(input: NewPlanFromTemplateInput & { createdById: string }) {
  const { document } = await getTemplateDocument(input.templateId);
  const windowStart = input.windowStart ? input.windowStart.replace("T", " ") + (input.timeZone ? ` ${input.timeZone}` : "") : undefined;
  const filled = fillDocumentPlaceholders(document, {
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
  return createPlanFromDocument({ document: filled, createdById: input.createdById });
}
