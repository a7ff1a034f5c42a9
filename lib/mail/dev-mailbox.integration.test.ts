import { beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEV_MAIL_PAGE_SIZE, listDevMail } from "@/lib/mail/dev-mailbox";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(async () => {
  await resetDatabase();
});

async function user(email: string, role: "ADMIN" | "MEMBER") {
  return db().user.create({ data: { email, name: email.split("@")[0]!, role, passwordHash: "x" }, select: { id: true, role: true } });
}

const queue = (dedupeKey: string, to: string, userId: string | null) =>
  enqueueMail(db(), { dedupeKey, to, userId, subject: `For ${to}`, text: "text", html: "<p>html</p>", unsubscribeUrl: "http://localhost/u" });

it("an administrator sees every message; anyone else only their own", async () => {
  const admin = await user("admin@example.com", "ADMIN");
  const ada = await user("ada@example.com", "MEMBER");
  const bob = await user("bob@example.com", "MEMBER");
  await queue("a", "ada@example.com", ada.id);
  await queue("b", "bob@example.com", bob.id);
  await queue("outside", "stakeholder@elsewhere.example", null);

  expect((await listDevMail(admin, 1)).messages.map((message) => message.to).sort()).toEqual(["ada@example.com", "bob@example.com", "stakeholder@elsewhere.example"]);
  expect((await listDevMail(ada, 1)).messages.map((message) => message.to)).toEqual(["ada@example.com"]);
  expect((await listDevMail(bob, 1)).messages.map((message) => message.to)).toEqual(["bob@example.com"]);
});

it("shows the newest first, a page at a time", async () => {
  const admin = await user("admin@example.com", "ADMIN");
  for (let index = 0; index < DEV_MAIL_PAGE_SIZE + 3; index += 1) {
    await db().mailMessage.create({
      data: { dedupeKey: `k${index}`, to: "x@example.com", subject: `Message ${index}`, text: "t", html: "h", unsubscribeUrl: "http://localhost/u", createdAt: new Date(Date.UTC(2026, 11, 1, 0, index)) },
    });
  }
  const first = await listDevMail(admin, 1);
  expect(first.messages).toHaveLength(DEV_MAIL_PAGE_SIZE);
  expect(first.messages[0]!.subject).toBe(`Message ${DEV_MAIL_PAGE_SIZE + 2}`);
  expect(first).toMatchObject({ hasNewer: false, hasOlder: true });
  const second = await listDevMail(admin, 2);
  expect(second.messages.map((message) => message.subject)).toEqual(["Message 2", "Message 1", "Message 0"]);
  expect(second).toMatchObject({ hasNewer: true, hasOlder: false });
});
