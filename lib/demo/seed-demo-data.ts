import { db } from "@/lib/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { seedDemoHistory } from "@/lib/demo/seed-demo-history";
import { createPlanFromTemplate } from "@/lib/templates/create-plan-from-template";
import { hashPassword } from "@/lib/users/passwords";

export type DemoDataSetting = "auto" | "true" | "false";

export const DEMO_PLAN_TEMPLATE = "builtin-production-release";

/**
 * Who takes part in the demo plan besides its lead, with the sign-off titles they hold on it:
 * every title the plan's gates need is held by an approver who is not the lead, so the demo
 * accounts alone can run it from Start to Complete without an override (the readiness check
 * passes).
 */
export const DEMO_PARTICIPANTS = [
  { email: "qa@example.com", role: "APPROVER", titles: ["QA Lead"] },
  { email: "tech@example.com", role: "APPROVER", titles: ["Tech Lead"] },
  { email: "devops@example.com", role: "APPROVER", titles: ["DevOps Lead"] },
  { email: "pm@example.com", role: "APPROVER", titles: ["Product Manager"] },
  { email: "viewer@example.com", role: "VIEWER", titles: [] },
] as const;

/**
 * Whether start-up loads demo data: "auto" does so only outside production and only into an
 * instance without accounts; "true" always makes sure the demo data exists; "false" never.
 */
export async function shouldSeedDemoData(setting: DemoDataSetting, isProduction: boolean): Promise<boolean> {
  if (setting === "false") return false;
  if (setting === "true") return true;
  return !isProduction && (await db().user.count()) === 0;
}

/**
 * Creates the demo accounts that are missing and, on an instance without plans, one plan
 * from the production-release template, led by the demo deploy lead, and a half-year of
 * past deployments for the dashboard. Safe to run again.
 */
export async function seedDemoData(now = new Date()): Promise<{ createdAccounts: number; createdPlan: boolean; pastPlans: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await db().user.createMany({
    data: DEMO_ACCOUNTS.map((account) => ({ ...account, passwordHash })),
    skipDuplicates: true,
  });

  let createdPlan = false;
  let pastPlans = 0;
  if ((await db().plan.count()) === 0) {
    const lead = await db().user.findUniqueOrThrow({ where: { email: "lead@example.com" }, select: { id: true, name: true } });
    const plan = await createDemoPlan(now);
    const participants = await db().user.findMany({ where: { email: { in: DEMO_PARTICIPANTS.map((participant) => participant.email) } }, select: { id: true } });
    createdPlan = true;
    pastPlans = await seedDemoHistory({ ...lead, isAdmin: false }, now);
    await db().planMember.createMany({
      data: (await db().plan.findMany({ where: { id: { not: plan.id } }, select: { id: true } })).flatMap((past) =>
        participants.map((user) => ({ planId: past.id, userId: user.id, role: "VIEWER" as const })),
      ),
      skipDuplicates: true,
    });
  }
  return { createdAccounts: result.count, createdPlan, pastPlans };
}

/**
 * The demo plan: the production-release template for Payments API 2.4.0, window tomorrow
 * 10:00 UTC, led by the demo deploy lead, with the demo approvers holding every title its
 * gates need and the stakeholder watching. The e2e suite makes copies of its own under
 * another service name and runs them from Start to Complete with the demo accounts.
 */
export async function createDemoPlan(now = new Date(), feature = "Payments API"): Promise<{ id: string; title: string }> {
  const lead = await db().user.findUniqueOrThrow({ where: { email: "lead@example.com" }, select: { id: true } });
  const participants = await db().user.findMany({
    where: { email: { in: DEMO_PARTICIPANTS.map((participant) => participant.email) } },
    select: { id: true, email: true },
  });
  const idOf = new Map(participants.map((user) => [user.email, user.id]));
  const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000);
  const plan = await createPlanFromTemplate({
    templateId: DEMO_PLAN_TEMPLATE,
    feature,
    version: "2.4.0",
    environment: "production",
    windowStart: `${tomorrow.toISOString().slice(0, 10)}T10:00`,
    timeZone: "UTC",
    deployLeadId: lead.id,
    placeholders: { previous_version: "2.3.1" },
    titleHolders: Object.fromEntries(DEMO_PARTICIPANTS.flatMap((participant) => participant.titles.map((title) => [title, idOf.get(participant.email)!]))),
    createdById: lead.id,
  });
  // Those without a title (the stakeholder) watch.
  await db().planMember.createMany({
    data: DEMO_PARTICIPANTS.filter((participant) => !participant.titles.length).map((participant) => ({ planId: plan.id, userId: idOf.get(participant.email)!, role: participant.role })),
    skipDuplicates: true,
  });
  return plan;
}
