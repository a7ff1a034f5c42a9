import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewPlanForm } from "@/components/templates/new-plan-form";
import { cardStyles } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { templateOwnFields, templateSignOffTitles } from "@/lib/templates/create-plan-from-template";
import { listActivePeople } from "@/lib/users/list-active-people";
import { getTemplateDocument } from "@/lib/templates/list-templates";

export const metadata: Metadata = { title: "New plan from template" };

export default async function NewPlanFromTemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const user = await requireUser();
  const { templateId } = await params;
  const [template, people] = await Promise.all([
    getTemplateDocument(templateId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    listActivePeople(),
  ]);
  return (
    <main className="mx-auto max-w-lg space-y-6">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">New plan from template</p>
        <h1 className="text-2xl font-semibold tracking-tight">{template.name}</h1>
        {template.description ? <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{template.description}</p> : null}
      </div>
      <section className={`${cardStyles} p-6`}>
        <NewPlanForm templateId={templateId} defaultLeadId={user.id} ownFields={templateOwnFields(template.document)} people={people} titles={templateSignOffTitles(template.document)} />
      </section>
    </main>
  );
}
