import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importPlan } from "@/lib/plans/import-plan";
import { resetDatabase } from "@/lib/testing/reset-database";
import { createUser } from "@/lib/users/create-user";

let creatorId: string;
let leadId: string;

const planWithHeader = (lead: string) => `# Checkout release

**Environment**: Production
**Window**: 2026-12-10 22:00 UTC
**Window length**: 90 min
**Deploy Lead**: ${lead}
**Change Ticket**: CHG-4821

## Deploy
- [ ] Roll out
`;

beforeEach(async () => {
  await resetDatabase();
  creatorId = (await createUser({ name: "Ada Importer", email: "ada@example.com", password: "long-enough-password" })).id;
  leadId = (await createUser({ name: "Lee Deploy", email: "lead@example.com", password: "long-enough-password" })).id;
});

async function planOf(id: string) {
  return db().plan.findUniqueOrThrow({
    where: { id },
    select: { environment: true, windowStart: true, expectedDurationMinutes: true, deployLead: true, changeTicket: true, members: { select: { userId: true, role: true } } },
  });
}

describe("an imported header becomes plan fields", () => {
  it("sets environment, window, length and change ticket, and a lead named by email leads the plan", async () => {
    const created = await importPlan({ markdown: planWithHeader("Lee (lead@example.com)"), createdById: creatorId, as: "plan" });
    const plan = await planOf(created.id);
    expect(plan).toMatchObject({ environment: "Production", expectedDurationMinutes: 90, deployLead: "Lee Deploy", changeTicket: "CHG-4821" });
    expect(plan.windowStart?.toISOString()).toBe("2026-12-10T22:00:00.000Z");
    expect(plan.members.filter((member) => member.role === "LEAD").map((member) => member.userId).sort()).toEqual([creatorId, leadId].sort());
  });

  it("finds the lead by name too, and keeps an unknown lead as text without a member", async () => {
    const byName = await planOf((await importPlan({ markdown: planWithHeader("lee deploy"), createdById: creatorId, as: "plan" })).id);
    expect(byName.members.map((member) => member.userId)).toContain(leadId);

    const unknown = await planOf((await importPlan({ markdown: planWithHeader("Morgan Nobody"), createdById: creatorId, as: "plan" })).id);
    expect(unknown.deployLead).toBe("Morgan Nobody");
    expect(unknown.members).toEqual([{ userId: creatorId, role: "LEAD" }]);
  });
});
