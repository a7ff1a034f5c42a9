import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { mentionToken } from "@/lib/mentions/mention-syntax";
import { notify } from "@/lib/notifications/notify";
import { mentionedRule } from "@/lib/notifications/rules/mentioned";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";
import { resetDatabase } from "@/lib/testing/reset-database";

let lead: Actor, executor: Actor, outsider: Actor;
let planId: string, itemId: string;

async function account(name: string, email: string): Promise<Actor> {
  const user = await db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  return { ...user, isAdmin: false };
}

/** Adds the comment through the one writer, then runs the rule on the committed event as the notification worker does. */
async function comment(author: Actor, body: string) {
  await applyPlanChange(author, planId, { type: "item.comment", itemId, body });
  const event = await db().planEvent.findFirstOrThrow({ where: { planId, type: "comment.added" }, orderBy: { seq: "desc" } });
  return db().$transaction(async (tx) => {
    const sent = [];
    for (const notification of await mentionedRule(event, tx)) sent.push(await notify(tx, notification));
    return sent;
  });
}

const mentionsOf = (userId: string) => db().notification.findMany({ where: { userId, kind: "MENTIONED" } });

beforeEach(async () => {
  await resetDatabase();
  [lead, executor, outsider] = await Promise.all([account("Lee Lead", "lead@example.com"), account("Ann Exec Lee", "exec@example.com"), account("Otto Outside", "otto@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document, createdById: lead.id })).id;
  await applyPlanChange(lead, planId, { type: "member.set", email: "exec@example.com", role: "EXECUTOR", titles: [] });
  itemId = (await db().planItem.findFirstOrThrow({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).id;
});

describe("@mentions in comments", () => {
  it("notifies a mentioned member once, with the comment as shown and a link to the step", async () => {
    const body = `${mentionToken("Ann Exec Lee", executor.id)} can you check this? ${mentionToken("Ann Exec Lee", executor.id)}`;
    const sent = await comment(lead, body);
    expect(sent).toHaveLength(1);
    const [notification, ...more] = await mentionsOf(executor.id);
    expect(more).toEqual([]);
    expect(notification).toMatchObject({
      planId,
      title: expect.stringMatching(/^Lee Lead mentioned you on “.+”$/),
      body: "@Ann Exec Lee can you check this? @Ann Exec Lee",
      href: `/plans/${planId}#item-${itemId}`,
    });
  });

  it("notifies nobody for a non-member, an unknown id or the author, and stores the comment as typed", async () => {
    const body = `${mentionToken("Otto Outside", outsider.id)} ${mentionToken("Nobody", "no-such-user")} ${mentionToken("Lee Lead", lead.id)} @Ann`;
    expect(await comment(lead, body)).toEqual([]);
    expect(await db().notification.count()).toBe(0);
    expect(await db().planComment.findFirstOrThrow({ where: { planId }, select: { body: true } })).toEqual({ body });
  });

  it("runs again on the same event without a second notification", async () => {
    await comment(lead, mentionToken("Ann", executor.id));
    const event = await db().planEvent.findFirstOrThrow({ where: { planId, type: "comment.added" } });
    await db().$transaction(async (tx) => {
      for (const notification of await mentionedRule(event, tx)) expect(await notify(tx, notification)).toBeNull();
    });
    expect(await mentionsOf(executor.id)).toHaveLength(1);
  });
});
