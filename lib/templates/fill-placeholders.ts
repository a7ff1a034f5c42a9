/**
 * Replaces `{{name}}` placeholders with the values a user gave when creating a plan from a
 * template. Names are matched case-insensitively and with spaces, dashes or underscores
 * treated alike (`{{Deploy Lead}}` = `{{deploy_lead}}`); placeholders without a value stay
 * as they are, so nothing is silently emptied.
 */
export type PlaceholderValues = Record<string, string | undefined>;

// "{{ name }}": the braces and what is between them, the name checked in code. The earlier
// `\{\{\s*([A-Za-z][\w .-]*?)\s*\}\}` let the name and the white space after it share a run of
// spaces, which cost quadratic time on "{{a" followed by many spaces (and templates are
// filled on every view of the templates page).
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PLACEHOLDER_NAME = /^[A-Za-z][\w .-]*$/;

/** The name in "{{ name }}", or undefined when the braces hold something else. */
function placeholderName(inner: string): string | undefined {
  const name = inner.trim();
  return PLACEHOLDER_NAME.test(name) ? name : undefined;
}

export function normalizePlaceholderName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s.-]+/g, "_");
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const normalized = new Map(
    Object.entries(values)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "")
      .map(([name, value]) => [normalizePlaceholderName(name), value.trim()]),
  );
  return text.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = placeholderName(inner);
    return (name === undefined ? undefined : normalized.get(normalizePlaceholderName(name))) ?? whole;
  });
}

/** The distinct placeholder names in a text, normalized, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = placeholderName(match[1] ?? "");
    if (name !== undefined) names.add(normalizePlaceholderName(name));
  }
  return [...names];
}
