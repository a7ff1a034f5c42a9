import { db } from "@/lib/db";
import { planDocumentSchema, type PlanDocument } from "@/lib/plan-document/schema";
import { AppError } from "@/lib/errors";
import { builtinTemplates, BUILTIN_PREFIX } from "@/lib/templates/builtin-templates";
import { placeholdersIn } from "@/lib/templates/fill-placeholders";

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  source: "builtin" | "saved";
  sections: number;
  placeholders: string[];
}

function summarize(id: string, name: string, description: string | null, source: TemplateSummary["source"], document: PlanDocument): TemplateSummary {
  return {
    id,
    name,
    description: description ?? document.overview.split("\n")[0] ?? "",
    source,
    sections: document.sections.length,
    placeholders: placeholdersIn(JSON.stringify(document)),
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
      return parsed.success ? [summarize(template.id, template.name, template.description, "saved", parsed.data)] : [];
    }),
  ];
}

export async function getTemplateDocument(templateId: string): Promise<{ name: string; document: PlanDocument }> {
  if (templateId.startsWith(BUILTIN_PREFIX)) {
    const builtin = (await builtinTemplates()).find((template) => template.id === templateId);
    if (builtin) return { name: builtin.document.title, document: builtin.document };
  } else {
    const saved = await db().template.findUnique({ where: { id: templateId } });
    const parsed = planDocumentSchema.safeParse(saved?.document);
    if (saved && parsed.success) return { name: saved.name, document: parsed.data };
  }
  throw new AppError("not_found", "This template does not exist.");
}
