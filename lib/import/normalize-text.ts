import { repairMojibake } from "@/lib/import/repair-mojibake";

export interface NormalizedText {
  text: string;
  warnings: string[];
}

/**
 * Puts raw upload text into the shape the parser expects: no byte-order mark, "\n" line
 * endings (Windows and old-Mac files both occur), and mis-decoded UTF-8 repaired. None of
 * these steps adds or removes lines, so source line numbers stay true to the upload.
 */
export function normalizeText(raw: string): NormalizedText {
  const warnings: string[] = [];
  let text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, "\n");
  const { text: repaired, repairs } = repairMojibake(text);
  if (repairs > 0) {
    warnings.push(
      `Repaired ${repairs} garbled character${repairs === 1 ? "" : "s"} (UTF-8 text that had been read as Windows-1252, e.g. "âœ…" → "✅").`,
    );
  }
  return { text: repaired, warnings };
}
