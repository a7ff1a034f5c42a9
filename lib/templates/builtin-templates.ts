import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { toTemplate } from "@/lib/plan-document/template";

/**
 * The templates that ship with Preflight: Markdown files in lib/templates/builtin, read by
 * the same importer users use, so they double as examples of the format.
 */
export const BUILTIN_TEMPLATE_DIRECTORY = path.join(process.cwd(), "lib", "templates", "builtin");
export const BUILTIN_PREFIX = "builtin-";

export interface BuiltinTemplate {
  id: string;
  markdown: string;
  document: PlanDocument;
}

let cache: Promise<BuiltinTemplate[]> | undefined;

export function builtinTemplates(): Promise<BuiltinTemplate[]> {
  cache ??= loadBuiltinTemplates().catch((error: unknown) => {
    cache = undefined;
    throw error;
  });
  return cache;
}

async function loadBuiltinTemplates(): Promise<BuiltinTemplate[]> {
  const files = (await readdir(BUILTIN_TEMPLATE_DIRECTORY)).filter((file) => file.endsWith(".md")).sort();
  return Promise.all(
    files.map(async (file) => {
      const markdown = await readFile(path.join(BUILTIN_TEMPLATE_DIRECTORY, file), "utf8");
      return { id: `${BUILTIN_PREFIX}${file.replace(/\.md$/, "")}`, markdown, document: toTemplate(parsePlanMarkdown(markdown).document) };
    }),
  );
}
