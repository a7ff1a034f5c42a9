import { ImportError } from "@/lib/import/import-error";
import { rememberParse } from "@/lib/import/parse-cache";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { c1ToWindows1252 } from "@/lib/import/repair-mojibake";

/** Larger than any real plan; the cap keeps one upload from tying up the server. */
export const MAX_PLAN_BYTES = 1024 * 1024;

// Control characters other than tab, newline, form feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F\u007F\uFFFD]/g;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const windows1252 = new TextDecoder("windows-1252");

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function rejectBinary(): never {
  throw new ImportError(
    "binary",
    "This file is not text: it looks like a binary file such as an image, PDF or Word document. Save the plan as Markdown (.md or .txt) and upload that.",
  );
}

/**
 * Bytes → text. UTF-8 is expected; a file that is not valid UTF-8 but is plainly text was
 * almost certainly saved as Windows-1252 by an older editor, so it is read that way.
 */
function decode(bytes: Uint8Array): string {
  if (bytes.includes(0)) rejectBinary();
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Some Node builds decode "windows-1252" as Latin-1, leaving C1 controls where “ – € were.
    return c1ToWindows1252(windows1252.decode(bytes)).text;
  }
}

/** Not empty, at most 1 MB, and text rather than binary; returns the text. */
export function checkPlanText(input: string | Uint8Array): string {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input).length : input.length;
  if (bytes > MAX_PLAN_BYTES) {
    throw new ImportError(
      "too_large",
      `This file is ${formatSize(bytes)}; plans can be at most 1 MB. Split it into smaller plans or remove pasted logs and data.`,
    );
  }
  const text = typeof input === "string" ? input : decode(input);
  if (text.trim() === "") {
    throw new ImportError("empty", "The file is empty. Upload a Markdown deployment plan with at least one checklist item.");
  }
  if (text.includes("\u0000")) rejectBinary();
  const sample = text.slice(0, 65_536);
  const controls = sample.match(CONTROL)?.length ?? 0;
  // A few stray control characters happen in pasted terminal output; a tenth of the text is not prose.
  if (controls / sample.length > 0.1) rejectBinary();
  return text;
}

/**
 * Checks an upload and returns its text, ready for `parsePlanMarkdown`: not empty, at most
 * 1 MB, text rather than binary, and holding a checklist (items, a table or a sign-off).
 * Throws ImportError with a message written for the person uploading.
 */
export function validatePlanInput(input: string | Uint8Array): string {
  const text = checkPlanText(input);
  const result = parsePlanMarkdown(text);
  if (result.summary.items === 0 && result.document.tables.length === 0 && result.summary.gates === 0) {
    throw new ImportError(
      "no_checklist",
      'No checklist found: the document has no list items (such as "- [ ] Back up the database") and no tables. Write the steps as a Markdown list and upload it again.',
    );
  }
  rememberParse({ text, result });
  return text;
}
