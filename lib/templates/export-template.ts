import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { getTemplateDocument } from "@/lib/templates/list-templates";

/** A template as Markdown (structure only, no state) and a file name for the download. */
export async function exportTemplateAsMarkdown(templateId: string): Promise<{ fileName: string; markdown: string }> {
  const { name, document } = await getTemplateDocument(templateId);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "template";
  return { fileName: `${slug}.template.md`, markdown: exportPlanMarkdown(document) };
}
