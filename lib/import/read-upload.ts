import { ImportError, type ImportErrorCode } from "@/lib/import/import-error";
import { parsePlanMarkdown, type ParseResult } from "@/lib/import/parse-plan-markdown";
import { validatePlanInput } from "@/lib/import/validate-plan-input";

/** An upload read: the text it decoded to (what is saved) and what the importer made of it. */
export interface ReadUpload extends ParseResult {
  text: string;
}

/** A result that crosses a thread boundary: errors as data, since classes do not survive the copy. */
export type ReadUploadOutcome = { ok: true; upload: ReadUpload } | { ok: false; code: ImportErrorCode; message: string };

/** Bytes or text → checked, decoded text and its parse. Throws ImportError for bad input. */
export function readUpload(input: string | Uint8Array): ReadUpload {
  const text = validatePlanInput(input);
  return { text, ...parsePlanMarkdown(text) };
}

export function readUploadOutcome(input: string | Uint8Array): ReadUploadOutcome {
  try {
    return { ok: true, upload: readUpload(input) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
