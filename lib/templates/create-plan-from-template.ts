import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { gateRows } from "@/lib/plans/plan-rows";
import { holdersCopiedFrom, initialMembers } from "@/lib/templates/initial-members";
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

/** The sign-off titles a template's gates need (to sign, or to make the Go/No-Go decision), in order: one holder field each. */
export function templateSignOffTitles(document: PlanDocument): string[] {
  return [...new Set(gateRows(document).flatMap((gate) => [...gate.roles.map((role) => role.title), ...(gate.decisionMakerRole ? [gate.decisionMakerRole] : [])]))];
}

/**
 * A new plan from a template, with the fields that vary filled into its placeholders. The
 * deploy lead picked from the accounts leads it with its creator; the title holders (given, or
 * copied from the last plan of the same service) become approving members with their titles.
 */
export async function createPlanFromTemplate(input: NewPlanFromTemplateInput & { createdById: string }) {
  const { document } = await getTemplateDocument(input.templateId);
  const titles = templateSignOffTitles(document);
  const given = Object.fromEntries(Object.entries(input.titleHolders ?? {}).filter(([title, userId]) => userId && titles.includes(title)));
  const unknownTitle = Object.keys(input.titleHolders ?? {}).find((title) => !titles.includes(title));
  if (unknownTitle) throw new AppError("unprocessable", `This template's sign-offs do not need a ${unknownTitle}.`);

  const earlier = input.copyHoldersFromLastPlan ? await lastPlanMembersOfService(input.feature, input.createdById) : [];
  const candidates = [...new Set([...(input.deployLeadId ? [input.deployLeadId] : []), ...Object.values(given), ...earlier.map((member) => member.userId)])];
  const active = new Map((await db().user.findMany({ where: { id: { in: candidates }, active: true }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  if (input.deployLeadId && !active.has(input.deployLeadId)) throw new AppError("unprocessable", "Pick the deploy lead from the list of people.");
  const inactive = Object.entries(given).find(([, userId]) => !active.has(userId));
  if (inactive) throw new AppError("unprocessable", `Pick the ${inactive[0]} from the list of people.`);
  const holders = holdersCopiedFrom(titles, given, earlier, (userId) => active.has(userId));

  const deployLead = input.deployLeadId ? active.get(input.deployLeadId) : input.deployLead;
  return createPlanFromDocument({
    document: fillTemplateForPlan(document, { ...input, deployLead }),
    createdById: input.createdById,
    members: initialMembers({ creatorId: input.createdById, leadId: input.deployLeadId, holders }),
  });
}

/** The members of the newest plan of this service that the creator takes part in, oldest member first. */
async function lastPlanMembersOfService(feature: string, creatorId: string): Promise<{ userId: string; titles: string[] }[]> {
  const plan = await db().plan.findFirst({
    where: { feature: { equals: feature.trim(), mode: "insensitive" }, members: { some: { userId: creatorId } } },
    orderBy: { createdAt: "desc" },
    select: { members: { orderBy: { createdAt: "asc" }, select: { userId: true, titles: true } } },
  });
  return plan?.members ?? [];
}
