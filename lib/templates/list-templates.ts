import { db } from "@/lib/db";
import { planDocumentSchema, type PlanDocument } from "@/lib/plan-document/schema";
import { AppError } from "@/lib/errors";
import { builtinTemplates, BUILTIN_PREFIX } from "@/lib/templates/builtin-templates";
import { documentPlaceholders } from "@/lib/templates/fill-document";
import { readableTemplateDescription, readableTemplateName } from "@/lib/templates/readable-name";

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  source: "builtin" | "saved";
  sections: number;
  placeholders: string[];
  /** Who saved it (null for built-in templates): they, and admins, may edit it. */
  createdById: string | null;
}

function summarize(id: string, name: string, description: string | null, source: TemplateSummary["source"], document: PlanDocument, createdById: string | null = null): TemplateSummary {
  return {
    createdById,
    id,
    name: readableTemplateName(name),
    description: readableTemplateDescription(description ?? document.overview),
    source,
    sections: document.sections.length,
    placeholders: documentPlaceholders(document),
  };
}

/** Built-in templates first, then the ones the team saved, newest first. */
export async function listTemplates(): Promise<TemplateSummary[]> {
  const builtins = (await builtinTemplates()).map((template) =>
    summarize(template.id, template.document.title, null, "builtin", template.document),
  );
  const saved = await db().template.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
  return [
    ...builtins,
    ...saved.flatMap((template) => {
      const parsed = planDocumentSchema.safeParse(template.document);
      return parsed.success ? [summarize(template.id, template.name, template.description, "saved", parsed.data, template.createdById)] : [];
    }),
  ];
}

export async function getTemplateDocument(templateId: string): Promise<{ name: string; description: string; document: PlanDocument }> {
  if (templateId.startsWith(BUILTIN_PREFIX)) {
    const builtin = (await builtinTemplates()).find((template) => template.id === templateId);
    if (builtin) {
      const { document } = builtin;
      return { name: readableTemplateName(document.title), description: readableTemplateDescription(document.overview), document };
    }
  } else {
    const saved = await db().template.findUnique({ where: { id: templateId } });
    const parsed = planDocumentSchema.safeParse(saved?.document);
    if (saved && parsed.success) {
      return { name: readableTemplateName(saved.name), description: readableTemplateDescription(saved.description ?? parsed.data.overview), document: parsed.data };
    }
  }
  throw new AppError("not_found", "This template does not exist.");
}
