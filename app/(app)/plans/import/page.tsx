import type { Metadata } from "next";
import { ImportPlanForm } from "@/components/import/import-plan-form";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Import a plan" };

export default async function ImportPlanPage() {
  await requireUser();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import a plan</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-400">
          Bring the deployment plan you already keep in Markdown: phases, checklists, commands, timeline, risks,
          contacts, rollback triggers and sign-offs are recognised. You will see what was found before anything is saved.
        </p>
      </div>
      <ImportPlanForm />
    </main>
  );
}
