import { db } from "@/lib/db";

/** Longer than any name or address a header line holds; the rest is not looked at. */
const MAX_LEAD_TEXT = 200;

/**
 * The account a document's lead line names, if it names one: by an email address in it
 * ("Lee Deploy (lead@example.com)"), else by the whole name ("Lee Deploy"), compared without
 * case, among active accounts. A name two accounts share names nobody.
 */
export async function findLeadAccount(leadText: string | null): Promise<{ id: string; name: string; email: string } | null> {
  const text = leadText?.slice(0, MAX_LEAD_TEXT).trim();
  if (!text) return null;
  const select = { id: true, name: true, email: true } as const;
  for (const email of emailsIn(text)) {
    const user = await db().user.findFirst({ where: { email: { equals: email, mode: "insensitive" }, active: true }, select });
    if (user) return user;
  }
  const name = text.split("(")[0]!.trim();
  if (!name) return null;
  const named = await db().user.findMany({ where: { name: { equals: name, mode: "insensitive" }, active: true }, select, take: 2 });
  return named.length === 1 ? named[0]! : null;
}

/** Words of the text that look like an address: split on spaces and brackets (linear), then one "@" inside. */
export function emailsIn(text: string): string[] {
  return text
    .split(/[\s<>()[\],;]+/)
    .map((word) => word.replace(/^mailto:/i, "").replace(/\.$/, ""))
    .filter(looksLikeEmail);
}

/** One "@", something before it, and a dot inside the part after it: plain index checks, no backtracking. */
function looksLikeEmail(word: string): boolean {
  const at = word.indexOf("@");
  if (at <= 0 || at !== word.lastIndexOf("@")) return false;
  const dot = word.indexOf(".", at + 2);
  return dot > 0 && dot < word.length - 1;
}
