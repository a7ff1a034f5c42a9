import type { ContactRow } from "@/lib/plan-document/schema";
import { stripBold } from "@/lib/import/field-line";
import { isBlank, stripBlanks } from "@/lib/import/placeholders";

/**
 * Contact lines in prose form: "**DBA**: Jane Roe (jane@example.com, +1 555 0100)",
 * "**Deploy Lead**: _____ (phone: _____)", "**On-Call Engineer**: [PHONE] / [EMAIL]".
 * Labelled parts and typed blanks ("[PHONE]") fill their column; what is left is the name.
 */

const LABELLED = /\(?\b(phone|tel|mobile|cell|e-?mail)\s*:\s*([^),;]*)\)?/gi;
// Starts only where a run of address characters starts: otherwise a long run without "@" was
// scanned again from each of its characters.
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /\+?\d[\d\s().-]{5,}\d/;

/** Each "[…]" replaced by what `replace` returns for its content (by scanning: a regex retried every "[" of a run without "]"). */
function replaceBracketed(text: string, replace: (whole: string, inner: string) => string): string {
  let result = "";
  let cursor = 0;
  for (let open = text.indexOf("["); open !== -1; open = text.indexOf("[", cursor)) {
    const close = text.indexOf("]", open + 1);
    if (close === -1) break;
    // As `\[([^\]]*?)\]`: the last "[" before the "]" does not matter; the first one opens.
    result += text.slice(cursor, open) + replace(text.slice(open, close + 1), text.slice(open + 1, close));
    cursor = close + 1;
  }
  return result + text.slice(cursor);
}

const SEPARATOR = /[\s/|,;–—-]/;

/** Separators and white space trimmed from both ends, by scanning (a `[…]+$` regex rescans runs). */
function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATOR.test(text[start] ?? "")) start += 1;
  while (end > start && SEPARATOR.test(text[end - 1] ?? "")) end -= 1;
  return text.slice(start, end);
}

type ContactValue = Pick<ContactRow, "name" | "email" | "phone">;

export function parseContactValue(value: string): ContactValue {
  const result: ContactValue = { name: "" };
  let rest = value.replace(LABELLED, (_match, label: string, content: string) => {
    const field = /mail/i.test(label) ? "email" : "phone";
    result[field] = stripBlanks(content);
    return " ";
  });
  rest = replaceBracketed(rest, (match, name) => {
    if (/phone|mobile|tel|cell/i.test(name)) result.phone ??= "";
    else if (/mail/i.test(name)) result.email ??= "";
    else return match;
    return " ";
  });
  const email = EMAIL.exec(rest);
  if (email && result.email === undefined) {
    result.email = email[0];
    rest = rest.replace(email[0], " ");
  }
  const phone = PHONE.exec(rest);
  if (phone && result.phone === undefined) {
    result.phone = phone[0].trim();
    rest = rest.replace(phone[0], " ");
  }
  // Brackets that held an e-mail or number are left empty: "Bob <bob@example.com>" → "Bob".
  const spaced = rest
    .replace(/\(\s*\)|<\s*>|\[\s*\]/g, " ")
    .trim();
  const name = trimSeparators(spaced).trim();
  result.name = isBlank(name) ? "" : stripBlanks(name);
  return result;
}

/** "Role: value" / "**Role**: value" / "Role — value" as a contact, if it reads as one. */
export function parseContactLine(text: string): { role: string; value: string } | undefined {
  const plain = text.replace(/^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:/, "$1:");
  // The colon ends a label only before white space (or the end): "21:30" is a time, not "21: 30".
  const match = /^([^:–—]{2,60}?)\s*(?::(?=\s|$)|\s[–—]\s)\s*(.*)$/.exec(plain);
  if (!match?.[1]) return undefined;
  return { role: stripBold(match[1]).trim(), value: (match[2] ?? "").trim() };
}

/**
 * "Hannah Okafor (deploy lead): +1 415 555 0117": the part before the colon is a person with
 * the role in parentheses, and nothing after it names anyone. Read as name and role.
 */
export function splitPersonAndRole(role: string, name: string): { role: string; name: string } {
  if (name !== "") return { role, name };
  const match = /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,2})\s*\(([^()]{2,40})\)$/u.exec(role.trim());
  return match?.[1] && match[2] ? { role: match[2].trim(), name: match[1] } : { role, name };
}

/**
 * Rows of one contact list share columns: if any row declares a phone, every row gets one
 * ("" when blank). Exported tables then re-import to exactly the same rows.
 */
export function alignContactColumns(rows: ContactRow[]): ContactRow[] {
  const keys = ["email", "phone", "responsibility"] as const;
  for (const key of keys) {
    if (rows.some((row) => row[key] !== undefined)) for (const row of rows) row[key] ??= "";
  }
  return rows;
}
