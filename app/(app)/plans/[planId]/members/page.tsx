import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanPeopleEditor } from "@/components/members/plan-people";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getPlanPeople } from "@/lib/plans/get-plan-people";

export const metadata: Metadata = { title: "People and sharing" };

export default async function PlanMembersPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const { planId } = await params;
  const people = await getPlanPeople(planId, user).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main className="space-y-6">
      <div>
        <Link href={`/plans/${people.id}`} className="text-sm text-indigo-700 underline dark:text-indigo-300">
          ← {people.title}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">People and sharing</h1>
        <Link href={`/plans/${people.id}/webhooks`} className="mt-1 inline-block text-sm text-indigo-700 underline dark:text-indigo-300">
          Webhooks
        </Link>
        {!people.mayManage ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Only the plan&apos;s leads can change these.</p> : null}
      </div>
      <PlanPeopleEditor people={people} />
    </main>
  );
}
