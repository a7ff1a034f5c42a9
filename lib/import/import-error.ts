/**
 * Why an uploaded plan was refused. Messages are shown to the person who uploaded the
 * file, so they say what is wrong and what to do about it.
 */
export type ImportErrorCode = "empty" | "too_large" | "binary" | "no_checklist" | "too_slow" | "too_deep";

export class ImportError extends Error {
  constructor(
    public readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}

export const TOO_SLOW_MESSAGE =
  "This document took too long to read. Check it for very long lines or runs of the same character, or split it into smaller plans.";
