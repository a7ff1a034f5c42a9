/**
 * Replaces `{{name}}` placeholders with the values a user gave when creating a plan from a
 * template. Names are matched case-insensitively and with spaces, dashes or underscores
 * treated alike (`{{Deploy Lead}}` = `{{deploy_lead}}`); placeholders without a value stay
 * as they are, so nothing is silently emptied.
 */
export type PlaceholderValues = Record<string, string | undefined>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w .-]*?)\s*\}\}/g;

export function normalizePlaceholderName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s.-]+/g, "_");
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const normalized = new Map(
    Object.entries(values)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "")
      .map(([name, value]) => [normalizePlaceholderName(name), value.trim()]),
  );
  return text.replace(PLACEHOLDER, (whole, name: string) => normalized.get(normalizePlaceholderName(name)) ?? whole);
}

/** The distinct placeholder names in a text, normalized, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) names.add(normalizePlaceholderName(match[1]!));
  return [...names];
}
