import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/users/find-active-user";

/**
 * The mail kept in the outbox, as /dev/mail shows it when no SMTP server is configured: an
 * administrator sees every message; anyone else only the messages addressed to their account
 * (never mail to outside addresses or to other people).
 */

export const DEV_MAIL_PAGE_SIZE = 50;

export interface DevMailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  status: "PENDING" | "SENT" | "FAILED";
  createdAt: Date;
  sentAt: Date | null;
}

export interface DevMailPage {
  messages: DevMailMessage[];
  /** 1-based. */
  page: number;
  hasNewer: boolean;
  hasOlder: boolean;
}

/** One page of the viewer's mail, newest first. */
export async function listDevMail(viewer: Pick<CurrentUser, "id" | "role">, page: number): Promise<DevMailPage> {
  const current = Math.max(1, Math.floor(page));
  const rows = await db().mailMessage.findMany({
    where: viewer.role === "ADMIN" ? {} : { userId: viewer.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * DEV_MAIL_PAGE_SIZE,
    // One more than a page tells whether an older page exists.
    take: DEV_MAIL_PAGE_SIZE + 1,
    select: { id: true, to: true, subject: true, text: true, html: true, status: true, createdAt: true, sentAt: true },
  });
  return { messages: rows.slice(0, DEV_MAIL_PAGE_SIZE), page: current, hasNewer: current > 1, hasOlder: rows.length > DEV_MAIL_PAGE_SIZE };
}
