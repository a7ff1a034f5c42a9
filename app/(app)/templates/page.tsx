import type { Metadata } from "next";
import Link from "next/link";
import { LayoutTemplate } from "lucide-react";
import { buttonStyles, cardStyles } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/current-user";
import { listTemplates } from "@/lib/templates/list-templates";
import { canEditTemplate } from "@/lib/templates/template-rights";
import { copyTemplateAction } from "./[templateId]/edit/actions";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser();
  const [templates, { saved }] = await Promise.all([listTemplates(), searchParams]);
  return (
    <main className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Templates</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Start a plan from a proven structure; you fill in what changes between runs.</p>
        </div>
        <Link href="/plans/import" className={buttonStyles.secondary}>
          Import a template from Markdown
        </Link>
      </div>
      {saved ? (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          Template saved. It is listed below.
        </p>
      ) : null}
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {templates.map((template) => (
          <li key={template.id} className={`${cardStyles} flex flex-col p-5 ${template.id === saved ? "ring-2 ring-emerald-500" : ""}`}>
            <div className="flex items-start gap-3">
              <LayoutTemplate aria-hidden className="mt-0.5 size-5 shrink-0 text-indigo-500" />
              <div className="min-w-0">
                <h2 className="font-medium">{template.name}</h2>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  {template.source === "builtin" ? "Built in" : "Saved by your team"} · {template.sections} sections
                </p>
                {template.description ? <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{template.description}</p> : null}
              </div>
            </div>
            <div className="mt-4 flex-1" />
            <div className="flex flex-wrap gap-2">
              <Link href={`/templates/${template.id}/new`} className={buttonStyles.primary} aria-label={`Use template: ${template.name}`}>
                Use template
              </Link>
              {template.createdById && canEditTemplate(user, { createdById: template.createdById }) ? (
                <Link href={`/templates/${template.id}/edit`} className={buttonStyles.secondary} aria-label={`Edit template: ${template.name}`}>
                  Edit
                </Link>
              ) : (
                <form action={copyTemplateAction}>
                  <input type="hidden" name="templateId" value={template.id} />
                  <button type="submit" className={buttonStyles.secondary} aria-label={`Copy and edit: ${template.name}`}>
                    Copy and edit
                  </button>
                </form>
              )}
              <a href={`/api/templates/${template.id}/export`} className={buttonStyles.secondary} download aria-label={`Export as Markdown: ${template.name}`}>
                Export as Markdown
              </a>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
