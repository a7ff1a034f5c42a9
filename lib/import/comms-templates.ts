import type { CommsTemplate } from "@/lib/plan-document/schema";
import { blankNames, toMustachePlaceholders } from "@/lib/import/placeholders";

/**
 * Communication templates: an e-mail or chat message the team sends at a given moment,
 * written as a fenced block or a quote. "Subject:" / "To:" header lines become fields; the
 * rest is the body, with blanks rewritten as `{{placeholders}}`.
 */

const HEADER = /^(subject|to|audience)\s*:\s*(.*)$/i;
const PLAIN_LANGUAGES = new Set(["", "text", "txt", "plain", "plaintext", "markdown", "md", "email", "mail", "message"]);

/** A fenced block is a template if it starts like a message, or sits under a comms heading. */
export function isTemplateCode(language: string, code: string, inCommsSection: boolean): boolean {
  const firstLine = code.split("\n").find((line) => line.trim() !== "") ?? "";
  if (/^(subject|to)\s*:/i.test(firstLine.trim())) return true;
  return inCommsSection && PLAIN_LANGUAGES.has(language.toLowerCase()) && code.trim() !== "";
}

export function isTemplateQuote(content: string, inCommsSection: boolean): boolean {
  const firstLine = content.split("\n").find((line) => line.trim() !== "") ?? "";
  return /^(subject|to)\s*:/i.test(firstLine.trim()) || inCommsSection;
}

/**
 * The name a template gets from where it is written: its section's title ("Message" before any
 * heading), numbered "(2)", "(3)" … after the first of the section.
 */
export function defaultTemplateName(sectionTitle: string, indexInSection: number): string {
  const base = sectionTitle === "" ? "Message" : sectionTitle;
  return indexInSection === 0 ? base : `${base} (${indexInSection + 1})`;
}

/*
 * A name of its own is written in the fence's info string, after the language: title="All clear". The
 * characters Markdown would read there (backslash escapes, entities, backticks) or that would
 * end the value or the line are written %XX, so the name reads back exactly as it was.
 */
const NAME_META_PREFIX = 'title="';
const NAME_UNSAFE = new Set(["%", '"', "\\", "`", "&", "\n", "\r"]);

export function templateNameMeta(name: string): string {
  const encoded = [...name].map((char) => (NAME_UNSAFE.has(char) ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : char)).join("");
  return `${NAME_META_PREFIX}${encoded}"`;
}

/** The name in a fence's info string written by templateNameMeta, if any (by plain string search, no pattern). */
export function templateNameFromMeta(meta: string | null | undefined): string | undefined {
  const text = meta?.trim() ?? "";
  if (!text.startsWith(NAME_META_PREFIX) || !text.endsWith('"') || text.length <= NAME_META_PREFIX.length) return undefined;
  try {
    const name = decodeURIComponent(text.slice(NAME_META_PREFIX.length, -1)).trim();
    return name === "" ? undefined : name.slice(0, 200);
  } catch {
    return undefined;
  }
}

/** "> Subject: …" → "Subject: …" */
export function unquote(blockquote: string): string {
  return blockquote
    .split("\n")
    .map((line) => line.replace(/^\s*>\s?/, ""))
    .join("\n");
}

/** As `.replace(/\([^)]*\)\s*$/, "")`, by scanning (the regex read on from every "(" of a run). */
function withoutTrailingNote(title: string): string {
  const trimmed = title.trimEnd();
  if (!trimmed.endsWith(")")) return title;
  const open = trimmed.indexOf("(", trimmed.lastIndexOf(")", trimmed.length - 2) + 1);
  return open === -1 || open === trimmed.length - 1 ? title : trimmed.slice(0, open);
}

/** "Step 1: Notify Stakeholders (Success)" → "Stakeholders". */
function audienceFromHeading(title: string): string | undefined {
  const withoutNote = withoutTrailingNote(title).trim();
  return /\b(?:notify|inform|message to|e-?mail to|announce to|notification to)\s+(.+)$/i.exec(withoutNote)?.[1]?.trim();
}

export function buildTemplate(content: string, name: string, sectionTitle: string): Omit<CommsTemplate, "id" | "sectionId"> {
  const lines = content.split("\n");
  const headers = new Map<string, string>();
  let index = 0;
  while (index < lines.length && (lines[index] ?? "").trim() === "") index += 1;
  for (; index < lines.length; index += 1) {
    const header = HEADER.exec((lines[index] ?? "").trim());
    if (!header?.[1] || headers.has(header[1].toLowerCase())) break;
    headers.set(header[1].toLowerCase(), (header[2] ?? "").trim());
  }
  const body = toMustachePlaceholders(lines.slice(index).join("\n").replace(/^\s*\n/, "").trimEnd());
  const subject = headers.has("subject") ? toMustachePlaceholders(headers.get("subject") ?? "") : undefined;
  const audience = headers.get("to") ?? headers.get("audience") ?? audienceFromHeading(sectionTitle);
  return {
    name,
    ...(audience ? { audience } : {}),
    ...(subject === undefined ? {} : { subject }),
    body,
    placeholders: blankNames(`${subject ?? ""}\n${body}`),
  };
}
