/**
 * How a comment names a person: the autocomplete inserts `@[Ann Lee](userId)`, so names with
 * spaces work and the person meant is unambiguous even when two members share a name. The
 * comment shows it as "@Ann Lee". Text typed by hand that does not have this shape is just text.
 */

export const MAX_MENTION_NAME = 100;
const MAX_USER_ID = 64;

// Bounded classes that cannot overlap their delimiters, and no nested quantifiers: each
// position is tried at most once per `@`, with at most MAX_MENTION_NAME + MAX_USER_ID steps,
// so the scan is linear in the comment's length.
const MENTION = new RegExp(String.raw`@\[([^\[\]\n]{1,${MAX_MENTION_NAME}})\]\(([A-Za-z0-9_-]{1,${MAX_USER_ID}})\)`, "g");

export interface MentionToken {
  name: string;
  userId: string;
}

/** One piece of a comment as shown: plain text, or a mention shown as "@Name". */
export type CommentPart = { kind: "text"; text: string } | { kind: "mention"; name: string };

/** The token the autocomplete inserts for a member. Brackets in a name would end the token early, so they are left out. */
export function mentionToken(name: string, userId: string): string {
  const shown = name.replace(/[[\]\n]/g, " ").trim().slice(0, MAX_MENTION_NAME) || "someone";
  return `@[${shown}](${userId})`;
}

/** The people a comment mentions, each once, in the order first mentioned. */
export function findMentions(body: string): MentionToken[] {
  const seen = new Map<string, MentionToken>();
  for (const match of body.matchAll(MENTION)) {
    const [, name = "", userId = ""] = match;
    if (!seen.has(userId)) seen.set(userId, { name: name.trim(), userId });
  }
  return [...seen.values()];
}

/** The comment split for display: mentions become "@Name", with no user id in sight. */
export function commentParts(body: string): CommentPart[] {
  const parts: CommentPart[] = [];
  let from = 0;
  for (const match of body.matchAll(MENTION)) {
    if (match.index > from) parts.push({ kind: "text", text: body.slice(from, match.index) });
    parts.push({ kind: "mention", name: (match[1] ?? "").trim() });
    from = match.index + match[0].length;
  }
  if (from < body.length) parts.push({ kind: "text", text: body.slice(from) });
  return parts;
}

/** The comment as plain text, mentions shown as "@Name" (feeds, emails, descriptions). */
export function commentAsText(body: string): string {
  return commentParts(body)
    .map((part) => (part.kind === "text" ? part.text : `@${part.name}`))
    .join("");
}

/**
 * The `@query` being typed just before the caret, for the autocomplete: an `@` at the start or
 * after whitespace, then up to 40 characters without another `@` or a line break. Null when
 * the caret is not in one.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - 41), caret);
  const at = before.lastIndexOf("@");
  if (at === -1) return null;
  const query = before.slice(at + 1);
  if (/[@\n[\]()]/.test(query) || query.startsWith(" ")) return null;
  const start = caret - before.length + at;
  if (start > 0 && !/\s/.test(text[start - 1] ?? "")) return null;
  return { start, query };
}
