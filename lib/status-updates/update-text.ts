import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import { currentPhase } from "@/lib/plans/current-phase";
import { isSettled } from "@/lib/plans/progress";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import { documentPlaceholderValues, fillUpdatePlaceholders, type UpdateFacts } from "@/lib/status-updates/fill-update-placeholders";

type Tx = Prisma.TransactionClient;

/** A status update's final text: the lead's words as written, or one of the document's messages filled from the live state. */
export type UpdateSource = { text: string; messageName?: undefined } | { text?: undefined; messageName: string };

export async function statusUpdateText(tx: Tx, planId: string, source: UpdateSource, now: Date): Promise<{ text: string; messageName: string | null }> {
  if (source.text !== undefined) return { text: source.text, messageName: null };
  const filled = await fillPlanMessage(tx, planId, source.messageName, now);
  if (!filled) throw new AppError("unprocessable", `This plan has no message named “${source.messageName}”. Pick one of the plan's messages.`);
  return filled;
}

/** The named message of the plan's document (names compared ignoring case), filled; null when there is none. */
export async function fillPlanMessage(tx: Tx, planId: string, messageName: string, now: Date): Promise<{ text: string; messageName: string } | null> {
  const plan = await tx.plan.findUnique({
    where: { id: planId },
    select: { document: true, status: true, startedAt: true, windowStart: true, windowTimeZone: true, expectedDurationMinutes: true, expectedDowntimeMinutes: true },
  });
  if (!plan) return null;
  const document = planDocumentSchema.parse(plan.document);
  const wanted = messageName.trim().toLowerCase();
  const message = document.commsTemplates.find((template) => template.name.trim().toLowerCase() === wanted);
  if (!message) return null;
  const facts = await readUpdateFacts(tx, planId, plan, now);
  return { text: fillUpdatePlaceholders(message.body, facts, documentPlaceholderValues(document)).trim(), messageName: message.name };
}

interface PlanTiming {
  status: PlanStatusName;
  startedAt: Date | null;
  windowStart: Date | null;
  windowTimeZone: string | null;
  expectedDurationMinutes: number | null;
  expectedDowntimeMinutes: number | null;
}

/** The run as a status update describes it, read inside the writer's transaction. */
async function readUpdateFacts(tx: Tx, planId: string, plan: PlanTiming, now: Date): Promise<UpdateFacts> {
  const [sections, periods] = await Promise.all([
    tx.planSection.findMany({
      where: { planId },
      orderBy: { position: "asc" },
      select: { id: true, title: true, isRollback: true, items: { orderBy: { position: "asc" }, select: { id: true, required: true, status: true } } },
    }),
    tx.downtimePeriod.findMany({ where: { planId }, orderBy: { startedAt: "asc" }, select: { startedAt: true, endedAt: true } }),
  ]);
  const statusOf = new Map(sections.flatMap((section) => section.items.map((item) => [item.id, item.status] as const)));
  const counted = sections.filter((section) => !section.isRollback).flatMap((section) => section.items.filter((item) => item.required));
  const running = plan.status === "IN_PROGRESS" || plan.status === "ROLLING_BACK";
  const phase = running ? currentPhase(sections, (itemId) => statusOf.get(itemId) ?? "PENDING", plan.status === "ROLLING_BACK") : null;
  const timeZone = plan.windowTimeZone ?? "UTC";
  const start = plan.startedAt ?? plan.windowStart;
  const eta = start && plan.expectedDurationMinutes != null ? clockTime(new Date(start.getTime() + plan.expectedDurationMinutes * 60_000), timeZone) : null;
  return {
    status: plan.status,
    progress: { settled: counted.filter((item) => isSettled(item.status)).length, total: counted.length },
    phase: phase?.title ?? null,
    eta,
    downtime: downtimeText(periods, plan.expectedDowntimeMinutes, timeZone, now),
  };
}

function downtimeText(periods: { startedAt: Date; endedAt: Date | null }[], expectedMinutes: number | null, timeZone: string, now: Date): string | null {
  const open = periods.find((period) => period.endedAt === null);
  if (open) return `in progress since ${clockTime(open.startedAt, timeZone)}`;
  if (periods.length > 0) {
    const minutes = periods.reduce((total, period) => total + ((period.endedAt ?? now).getTime() - period.startedAt.getTime()) / 60_000, 0);
    return `${Math.round(minutes)} min, ended`;
  }
  return expectedMinutes != null ? `${expectedMinutes} min expected` : null;
}

/** "14:30 Europe/Berlin": a time as the plan's window is written. */
function clockTime(at: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(at);
  return `${time} ${timeZone}`;
}

/** The names of the plan's messages, in document order, for the lead to choose from. */
export function planMessageNames(document: unknown): string[] {
  const parsed = planDocumentSchema.safeParse(document);
  return parsed.success ? parsed.data.commsTemplates.map((template) => template.name) : [];
}

/** Refuses (422) a message name the plan's document does not have; null and undefined pass. */
export async function assertPlanMessagesExist(tx: Tx, planId: string, names: readonly (string | null | undefined)[]): Promise<void> {
  const wanted = names.filter((name): name is string => typeof name === "string");
  if (!wanted.length) return;
  const plan = await tx.plan.findUnique({ where: { id: planId }, select: { document: true } });
  const known = new Set(planMessageNames(plan?.document).map((name) => name.trim().toLowerCase()));
  const missing = wanted.filter((name) => !known.has(name.trim().toLowerCase()));
  if (missing.length) throw new AppError("unprocessable", `This plan has no message named ${missing.map((name) => `“${name}”`).join(" or ")}. Pick one of the plan's messages.`);
}
