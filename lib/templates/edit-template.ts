import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planDocumentSchema, type PlanDocument } from "@/lib/plan-document/schema";
import { BUILTIN_PREFIX } from "@/lib/templates/builtin-templates";
import { editTemplateDocument } from "@/lib/templates/edit-template-document";
import type { TemplateEditRequest } from "@/lib/templates/template-edit-schema";
import { canEditTemplate } from "@/lib/templates/template-rights";

export interface TemplateActor {
  id: string;
  role: "ADMIN" | "MEMBER";
}

const NOT_FOUND = "This template does not exist.";
/** A stored template stays within a few times what a 1 MB import makes; beyond that an edit is refused (413). */
export const MAX_TEMPLATE_CHARACTERS = 4_000_000;
const STALE = "Someone else saved this template since you opened it. Reload the page to see their changes, then make yours again.";

/**
 * The one writer of a saved template: one edit, checked against the version the editor
 * showed, applied to the document, validated with the document schema, and stored with the
 * next version in a single compare-and-set update, so two editors never overwrite each other.
 */
export async function editTemplate(actor: TemplateActor, request: TemplateEditRequest): Promise<{ version: number }> {
  if (request.templateId.startsWith(BUILTIN_PREFIX)) throw new AppError("forbidden", "Built-in templates are not edited in place: copy it, then edit your copy.");
  const template = await db().template.findUnique({ where: { id: request.templateId }, select: { document: true, version: true, createdById: true } });
  if (!template) throw new AppError("not_found", NOT_FOUND);
  if (!canEditTemplate(actor, template)) throw new AppError("forbidden", "Only the person who saved this template, or an admin, can edit it. Copy it to make your own.");
  if (template.version !== request.expectedVersion) throw new AppError("conflict", STALE, { version: template.version });

  const current = planDocumentSchema.safeParse(template.document);
  if (!current.success) throw new AppError("unprocessable", "This template's stored document is not readable, so it cannot be edited.");
  const document = planDocumentSchema.parse(editTemplateDocument(current.data, request.change));
  if (JSON.stringify(document).length > MAX_TEMPLATE_CHARACTERS) {
    throw new AppError("too_large", "This template has grown too large to save. Split it into two templates, or remove steps you no longer need.");
  }
  const { count } = await db().template.updateMany({
    where: { id: request.templateId, version: request.expectedVersion },
    data: { document: document as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
  });
  if (count === 0) throw new AppError("conflict", STALE);
  return { version: request.expectedVersion + 1 };
}

/** A saved template with its version, for the editor page (404 when it does not exist). */
export async function getEditableTemplate(templateId: string): Promise<{ id: string; name: string; version: number; createdById: string; document: PlanDocument }> {
  const template = templateId.startsWith(BUILTIN_PREFIX) ? null : await db().template.findUnique({ where: { id: templateId }, select: { id: true, name: true, version: true, createdById: true, document: true } });
  const parsed = planDocumentSchema.safeParse(template?.document);
  if (!template || !parsed.success) throw new AppError("not_found", NOT_FOUND);
  return { ...template, document: parsed.data };
}
