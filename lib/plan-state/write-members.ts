import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";

type Tx = Prisma.TransactionClient;

const LAST_LEAD = "A plan needs at least one lead; make someone else lead first.";

/** Adds a member (by the email of an active account) or changes a member's role and sign-off titles. */
export async function writeMember(tx: Tx, plan: LockedPlan, change: Extract<PlanChange, { type: "member.set" }>): Promise<PlanEventPayload> {
  const user = await tx.user.findFirst({
    where: change.userId ? { id: change.userId, active: true } : { email: { equals: change.email!, mode: "insensitive" }, active: true },
    select: { id: true, name: true },
  });
  if (!user) throw new AppError("not_found", change.email ? `No active account has the email ${change.email}.` : "This person has no active account.");
  const existing = await tx.planMember.findUnique({ where: { planId_userId: { planId: plan.id, userId: user.id } }, select: { role: true } });
  if (existing?.role === "LEAD" && change.role !== "LEAD") await refuseLosingLastLead(tx, plan.id);

  const titles = [...new Set(change.titles.map((title) => title.trim()).filter(Boolean))];
  await tx.planMember.upsert({
    where: { planId_userId: { planId: plan.id, userId: user.id } },
    create: { planId: plan.id, userId: user.id, role: change.role, titles },
    update: { role: change.role, titles },
  });
  return { type: "member.set", member: { userId: user.id, name: user.name, role: change.role, titles }, previousRole: existing?.role ?? null };
}

export async function removeMember(tx: Tx, plan: LockedPlan, change: Extract<PlanChange, { type: "member.remove" }>): Promise<PlanEventPayload> {
  const member = await tx.planMember.findUnique({
    where: { planId_userId: { planId: plan.id, userId: change.userId } },
    select: { id: true, role: true, user: { select: { name: true } } },
  });
  if (!member) throw new AppError("not_found", "This person is not a member of the plan.");
  if (member.role === "LEAD") await refuseLosingLastLead(tx, plan.id);
  await tx.planMember.delete({ where: { id: member.id } });
  return { type: "member.removed", userId: change.userId, name: member.user.name };
}

async function refuseLosingLastLead(tx: Tx, planId: string) {
  const leads = await tx.planMember.count({ where: { planId, role: "LEAD" } });
  if (leads <= 1) throw new AppError("conflict", LAST_LEAD);
}
