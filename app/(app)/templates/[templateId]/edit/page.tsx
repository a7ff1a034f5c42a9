import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TemplateEditor } from "@/components/templates/template-editor";
import { templateEditorSections, templatePlanningOptions } from "@/components/templates/template-editor-view";
import { buttonStyles } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { BUILTIN_PREFIX } from "@/lib/templates/builtin-templates";
import { getEditableTemplate } from "@/lib/templates/edit-template";
import { getTemplateDocument } from "@/lib/templates/list-templates";
import { canEditTemplate } from "@/lib/templates/template-rights";
import { copyTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Edit template" };

const notFoundOn = (error: unknown): never => {
  if (error instanceof AppError && error.code === "not_found") notFound();
  throw error;
};

export default async function EditTemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const user = await requireUser();
  const { templateId } = await params;
  if (templateId.startsWith(BUILTIN_PREFIX)) {
    const builtin = await getTemplateDocument(templateId).catch(notFoundOn);
    return <CopyFirst templateId={templateId} name={builtin.name} reason="Built-in templates ship with Preflight and stay as they are. Edit a copy of your own." />;
  }
  const template = await getEditableTemplate(templateId).catch(notFoundOn);
  if (!canEditTemplate(user, template)) {
    return <CopyFirst templateId={templateId} name={template.name} reason="Only the person who saved this template, or an admin, can edit it. Edit a copy of your own." />;
  }
  return (
    <main className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-400">Editing template</p>
          <h1 className="text-2xl font-semibold tracking-tight">{template.name}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Every change is saved as you make it. Owners are sign-off titles: each plan made from this template says who holds them.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/templates" className={buttonStyles.secondary}>
            Back to templates
          </Link>
          <Link href={`/templates/${template.id}/new`} className={buttonStyles.primary}>
            Use template
          </Link>
        </div>
      </div>
      <TemplateEditor templateId={template.id} version={template.version} sections={templateEditorSections(template.document, template.version)} planningOptions={templatePlanningOptions(template.document)} />
    </main>
  );
}

function CopyFirst({ templateId, name, reason }: { templateId: string; name: string; reason: string }) {
  return (
    <main className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">{reason}</p>
      <form action={copyTemplateAction}>
        <input type="hidden" name="templateId" value={templateId} />
        <button type="submit" className={buttonStyles.primary}>
          Copy and edit
        </button>
      </form>
    </main>
  );
}
