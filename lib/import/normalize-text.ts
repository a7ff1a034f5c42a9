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
  const repair = repairMojibake(text);
  const { repairs, ambiguous } = repair;
  // A byte-order mark that was itself mis-read ("ï»¿") is one once repaired.
  const repaired = repair.text.startsWith("\uFEFF") ? repair.text.slice(1) : repair.text;
  if (repairs > 0) {
    warnings.push(
      `Repaired ${repairs} garbled character${repairs === 1 ? "" : "s"} (UTF-8 text that had been read as Windows-1252, e.g. "âœ…" → "✅").`,
    );
  }
  if (ambiguous > 0) {
    warnings.push(
      `Left ${ambiguous} garbled emoji as ${ambiguous === 1 ? "it was" : "they were"}: a byte of ${ambiguous === 1 ? "it" : "each"} was lost when the text was mis-decoded, and more than one emoji fits.`,
    );
  }
  return { text: repaired, warnings };
}
