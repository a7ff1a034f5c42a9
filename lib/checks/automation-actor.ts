import { db } from "@/lib/db";
import type { Actor } from "@/lib/plan-state/plan-access";

/**
 * "Automation": the system account in whose name steps' HTTP checks tick their steps, so
 * the feed and the export say who did it. It is a user row (ticks and events point at a
 * user) that cannot sign in: it is inactive and has no usable password. It holds no plan
 * role; lib/checks/automation-rules.ts says what it may do.
 */
export const AUTOMATION_USER_ID = "preflight-automation";
export const AUTOMATION_NAME = "Automation";

export const automationActor: Actor = { id: AUTOMATION_USER_ID, name: AUTOMATION_NAME, isAdmin: false, automation: true };

/** Creates the account if it is missing: one upsert per check run, which sends an HTTP request anyway. */
export async function ensureAutomationUser(): Promise<void> {
  await db().user.upsert({
    where: { id: AUTOMATION_USER_ID },
    update: {},
    // "!" is no bcrypt hash, so no password matches it; inactive accounts cannot sign in anyway.
    create: { id: AUTOMATION_USER_ID, email: "automation@preflight.invalid", name: AUTOMATION_NAME, passwordHash: "!", active: false },
    select: { id: true },
  });
}
