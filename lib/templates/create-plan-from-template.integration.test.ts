import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadPlanReadiness } from "@/lib/readiness/load-plan-readiness";
import { createPlanFromTemplate } from "@/lib/templates/create-plan-from-template";
import { resetDatabase } from "@/lib/testing/reset-database";

let ids: Record<"admin" | "lee" | "quinn" | "taylor" | "devin" | "pat" | "gone", string>;

async function account(name: string, email: string, active = true): Promise<string> {
  return (await db().user.create({ data: { name, email, passwordHash: "not-used", active }, select: { id: true } })).id;
}

const release = { templateId: "builtin-production-release", feature: "Payments API", version: "2.4.0", environment: "production", placeholders: { previous_version: "2.3.1" } };

async function membersOf(planId: string) {
  const members = await db().planMember.findMany({ where: { planId }, select: { userId: true, role: true, titles: true } });
  return Object.fromEntries(members.map((member) => [Object.entries(ids).find(([, id]) => id === member.userId)![0], { role: member.role, titles: [...member.titles].sort() }]));
}

beforeEach(async () => {
  await resetDatabase();
  ids = {
    admin: await account("Avery Admin", "admin@example.com"),
    lee: await account("Lee Deploy", "lead@example.com"),
    quinn: await account("Quinn Tester", "qa@example.com"),
    taylor: await account("Taylor Tech", "tech@example.com"),
    devin: await account("Devin Ops", "devops@example.com"),
    pat: await account("Pat Product", "pm@example.com"),
    gone: await account("Gene Gone", "gone@example.com", false),
  };
});

describe("a plan from a template with its people", () => {
  it("makes the picked lead a lead named in the plan, and each title holder an approver with that title", async () => {
    const plan = await createPlanFromTemplate({
      ...release,
      createdById: ids.admin,
      deployLeadId: ids.lee,
      titleHolders: { "QA Lead": ids.quinn, "Tech Lead": ids.taylor, "DevOps Lead": ids.devin, "Product Manager": ids.pat },
    });
    expect(await membersOf(plan.id)).toEqual({
      admin: { role: "LEAD", titles: [] },
      lee: { role: "LEAD", titles: [] },
      quinn: { role: "APPROVER", titles: ["QA Lead"] },
      taylor: { role: "APPROVER", titles: ["Tech Lead"] },
      devin: { role: "APPROVER", titles: ["DevOps Lead"] },
      pat: { role: "APPROVER", titles: ["Product Manager"] },
    });
    expect((await db().plan.findUniqueOrThrow({ where: { id: plan.id } })).deployLead).toBe("Lee Deploy");
    expect(await loadPlanReadiness(db(), plan.id)).toEqual([]);
  });

  it("copies the holders of titles left open from the last plan of the same service", async () => {
    await createPlanFromTemplate({ ...release, version: "2.3.0", createdById: ids.lee, deployLeadId: ids.lee, titleHolders: { "QA Lead": ids.quinn, "Tech Lead": ids.taylor, "Product Manager": ids.pat } });
    const next = await createPlanFromTemplate({ ...release, feature: "payments api", createdById: ids.lee, deployLeadId: ids.lee, titleHolders: { "QA Lead": ids.devin }, copyHoldersFromLastPlan: true });
    expect(await membersOf(next.id)).toEqual({
      lee: { role: "LEAD", titles: [] },
      devin: { role: "APPROVER", titles: ["QA Lead"] },
      taylor: { role: "APPROVER", titles: ["Tech Lead"] },
      pat: { role: "APPROVER", titles: ["Product Manager"] },
    });
    expect((await loadPlanReadiness(db(), next.id)).map((problem) => problem.message)).toEqual(["Nobody on this plan holds DevOps Lead (needed by “Pre-deployment sign-off”)."]);
  });

  it("refuses a lead or holder who is not an active account, and a title the template does not use, creating nothing", async () => {
    await expect(createPlanFromTemplate({ ...release, createdById: ids.lee, deployLeadId: ids.gone })).rejects.toThrow("Pick the deploy lead from the list of people.");
    await expect(createPlanFromTemplate({ ...release, createdById: ids.lee, titleHolders: { "QA Lead": ids.gone } })).rejects.toThrow("Pick the QA Lead from the list of people.");
    await expect(createPlanFromTemplate({ ...release, createdById: ids.lee, titleHolders: { CTO: ids.quinn } })).rejects.toThrow("This template's sign-offs do not need a CTO.");
    expect(await db().plan.count()).toBe(0);
  });
});
