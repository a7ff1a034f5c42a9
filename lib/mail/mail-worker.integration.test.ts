import { afterEach, beforeEach, expect, it } from "vitest";
import { createPool, db, endPool } from "@/lib/db";
import { enqueueMail, type MailToQueue } from "@/lib/mail/enqueue-mail";
import { claimDueMail } from "@/lib/mail/mail-store";
import { startMailWorker, type MailWorker } from "@/lib/mail/mail-worker";
import { renderMail } from "@/lib/mail/render-mail";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { waitFor } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";
import { startSmtpReceiver, type SmtpAnswer, type SmtpReceiver } from "@/lib/testing/smtp-receiver";

/**
 * The mail worker against a real SMTP server (smtp-server, parsed with mailparser): what
 * arrives, once; temporary refusals retried; permanent ones not; and a restart in the middle
 * of a queue sends every message exactly once.
 */

const MAIL_FROM = "Preflight <preflight@preflight.test>";
const workers: MailWorker[] = [];
const receivers: SmtpReceiver[] = [];

beforeEach(async () => {
  await resetDatabase();
});
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop();
  for (const receiver of receivers.splice(0)) await receiver.close();
});

function startWorker(smtpUrl: string | undefined, batchSize = 10): MailWorker {
  const worker = startMailWorker({
    databaseUrl: integrationDatabase().url,
    smtpUrl,
    mailFrom: MAIL_FROM,
    retryBaseMs: 20,
    pollMs: 50,
    batchSize,
    log: (line) => {
      // The start-up line and the expected refusals are fine; anything else is a failure of the test.
      if (!/^mail: (sending over|SMTP_URL is not set|message \S+ (will be retried|failed for good))/.test(line)) throw new Error(`worker logged: ${line}`);
    },
  });
  workers.push(worker);
  return worker;
}

async function receiver(answer?: (attempt: number) => SmtpAnswer | Promise<SmtpAnswer>): Promise<SmtpReceiver> {
  const started = await startSmtpReceiver(answer);
  receivers.push(started);
  return started;
}

function mail(index: number, overrides: Partial<MailToQueue> = {}): MailToQueue {
  const unsubscribeUrl = `https://preflight.test/unsubscribe?token=t${index}`;
  const content = renderMail({
    greeting: "Hello Ada,",
    heading: `Your sign-off is needed (${index})`,
    paragraphs: ["The plan <Release 42> is scheduled."],
    action: { label: "Open the gate", url: `https://preflight.test/go/signoff?token=s${index}` },
    unsubscribeUrl,
  });
  return { dedupeKey: `test:${index}`, to: `ada${index}@example.com`, subject: `Sign-off needed ${index}`, unsubscribeUrl, ...content, ...overrides };
}

const statusOf = async (dedupeKey: string) => (await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey } })).status;
const linksIn = (text: string) => text.match(/https:\/\/\S+/g) ?? [];

it("sends each message over SMTP with both parts, its links and the one-click unsubscribe headers", async () => {
  const smtp = await receiver();
  await enqueueMail(db(), mail(1, { to: "ada@example.com" }));
  startWorker(smtp.url);
  await waitFor(async () => (await statusOf("test:1")) === "SENT");

  expect(smtp.received).toHaveLength(1);
  const [{ recipients, parsed }] = smtp.received as [(typeof smtp.received)[number]];
  const row = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: "test:1" } });
  expect(recipients).toEqual(["ada@example.com"]);
  expect(parsed.to).toMatchObject({ value: [{ address: "ada@example.com" }] });
  expect(parsed.from).toMatchObject({ value: [{ address: "preflight@preflight.test", name: "Preflight" }] });
  expect(parsed.subject).toBe("Sign-off needed 1");
  expect(parsed.messageId).toBe(`<mail-${row.id}@preflight.test>`);
  expect(linksIn(parsed.text!)).toEqual(["https://preflight.test/go/signoff?token=s1", "https://preflight.test/unsubscribe?token=t1"]);
  expect(parsed.html).toContain('href="https://preflight.test/go/signoff?token=s1"');
  expect(parsed.html).toContain("The plan &lt;Release 42&gt; is scheduled.");
  const headerLine = (key: string) => parsed.headerLines.find((line) => line.key === key)?.line;
  expect(headerLine("list-unsubscribe")).toBe("List-Unsubscribe: <https://preflight.test/unsubscribe?token=t1>");
  expect(headerLine("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, lastError: null });
  expect(row.sentAt).toBeInstanceOf(Date);
});

it("a message queued twice with the same dedupe key arrives once", async () => {
  const smtp = await receiver();
  expect(await enqueueMail(db(), mail(1))).toBe(true);
  expect(await enqueueMail(db(), mail(1, { subject: "A second try" }))).toBe(false);
  await enqueueMail(db(), mail(2));
  startWorker(smtp.url);
  await waitFor(async () => (await db().mailMessage.count({ where: { status: "SENT" } })) === 2);
  expect(smtp.received.map((received) => received.parsed.subject).sort()).toEqual(["Sign-off needed 1", "Sign-off needed 2"]);
});

it("retries a temporary SMTP refusal and then delivers; a permanent refusal is not retried", async () => {
  const smtp = await receiver((attempt) => (attempt < 2 ? { refuse: 451, message: "Greylisted, try again later" } : "accept"));
  await enqueueMail(db(), mail(1));
  startWorker(smtp.url);
  await waitFor(async () => (await statusOf("test:1")) === "SENT");
  expect(smtp.attempts).toHaveLength(3);
  expect(smtp.received).toHaveLength(1);
  expect(await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: "test:1" } })).toMatchObject({ attempts: 3, lastError: null });

  const refusing = await receiver(() => ({ refuse: 550, message: "No such mailbox" }));
  for (const worker of workers.splice(0)) await worker.stop();
  await enqueueMail(db(), mail(2));
  startWorker(refusing.url);
  await waitFor(async () => (await statusOf("test:2")) === "FAILED");
  const failed = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: "test:2" } });
  expect(failed.attempts).toBe(1);
  expect(failed.lastError).toMatch(/550/);
  expect(refusing.attempts).toHaveLength(1);
});

it("a restart in the middle of the queue sends every message exactly once", async () => {
  const COUNT = 24;
  let releaseHeldReply!: () => void;
  const heldReply = new Promise<void>((resolve) => (releaseHeldReply = resolve));
  // The fifth message is held at the SMTP server while the first worker is told to stop.
  const smtp = await receiver(async (attempt): Promise<SmtpAnswer> => {
    if (attempt === 4) await heldReply;
    return "accept";
  });
  for (let index = 1; index <= COUNT; index += 1) await enqueueMail(db(), mail(index));

  const first = startWorker(smtp.url, 4);
  await waitFor(() => smtp.attempts.length === 5);
  const stopping = first.stop();
  releaseHeldReply();
  await stopping;
  workers.splice(workers.indexOf(first), 1);

  // The first worker finished what it had in flight and handed back the rest of its claim.
  expect(smtp.received).toHaveLength(5);
  expect(await db().mailMessage.count({ where: { status: "SENT" } })).toBe(5);
  expect(await db().mailMessage.count({ where: { status: "PENDING", lockedUntil: { not: null } } })).toBe(0);

  startWorker(smtp.url, 4);
  await waitFor(async () => (await db().mailMessage.count({ where: { status: "SENT" } })) === COUNT);
  const subjects = smtp.received.map((received) => received.parsed.subject);
  expect(subjects).toHaveLength(COUNT);
  expect(new Set(subjects).size).toBe(COUNT);
  expect(new Set(smtp.received.map((received) => received.parsed.messageId)).size).toBe(COUNT);
  expect(await db().mailMessage.count({ where: { attempts: { not: 1 } } })).toBe(0);
});

it("a message whose worker died mid-send is sent again after its lease, with the same Message-ID", async () => {
  const smtp = await receiver();
  await enqueueMail(db(), mail(1));
  // A worker claims it with a very short lease and then "dies" before recording anything.
  const pool = createPool(integrationDatabase().url, 1);
  const [claimed] = await claimDueMail(pool, 10, 1);
  await endPool(pool);
  expect(claimed?.attempts).toBe(1);

  startWorker(smtp.url);
  await waitFor(async () => (await statusOf("test:1")) === "SENT");
  expect(smtp.received).toHaveLength(1);
  expect(smtp.received[0]!.parsed.messageId).toBe(`<mail-${claimed!.id}@preflight.test>`);
  expect((await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: "test:1" } })).attempts).toBe(2);
});

it("without SMTP_URL nothing is sent: messages are kept, marked sent, for /dev/mail", async () => {
  await enqueueMail(db(), mail(1));
  startWorker(undefined);
  await waitFor(async () => (await statusOf("test:1")) === "SENT");
  expect(await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: "test:1" } })).toMatchObject({ attempts: 1, text: mail(1).text });
});
