/**
 * Replaces `{{name}}` placeholders with the values a user gave when creating a plan from a
 * template. Names are matched case-insensitively and with spaces, dashes or underscores
 * treated alike (`{{Deploy Lead}}` = `{{deploy_lead}}`); placeholders without a value stay
 * as they are, so nothing is silently emptied (`unfilledPlaceholders` names what is left).
 *
 * A placeholder may end in a filter: `{{service|slug}}` is the value as a lowercase,
 * hyphenated slug ("Payments API" → "payments-api"), for commands, Kubernetes object names
 * and host names, where a space or a capital breaks the command.
 */
export type PlaceholderValues = Record<string, string | undefined>;

// "{{ name }}": the braces and what is between them, the name checked in code. The earlier
// `\{\{\s*([A-Za-z][\w .-]*?)\s*\}\}` let the name and the white space after it share a run of
// spaces, which cost quadratic time on "{{a" followed by many spaces (and templates are
// filled on every view of the templates page).
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PLACEHOLDER_NAME = /^[A-Za-z][\w .-]*$/;

const FILTERS: Record<string, (value: string) => string> = {
  slug: toSlug,
};

interface PlaceholderReference {
  /** The normalized name of the value. */
  name: string;
  /** The filter after "|", lowercased, or undefined. */
  filter?: string;
}

/** The name (and filter) in "{{ name }}" or "{{ name | filter }}", or undefined when the braces hold something else. */
function placeholderReference(inner: string): PlaceholderReference | undefined {
  const bar = inner.indexOf("|");
  const name = (bar === -1 ? inner : inner.slice(0, bar)).trim();
  if (!PLACEHOLDER_NAME.test(name)) return undefined;
  if (bar === -1) return { name: normalizePlaceholderName(name) };
  const filter = inner.slice(bar + 1).trim().toLowerCase();
  return /^[a-z]+$/.test(filter) ? { name: normalizePlaceholderName(name), filter } : undefined;
}

export function normalizePlaceholderName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s.-]+/g, "_");
}

/**
 * A lowercase, hyphenated form usable in a command, an object name or a host name: letters
 * lose their accents, every run of other characters becomes one "-", none at either end.
 */
export function toSlug(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== "")
    .join("-");
}

function resolve(reference: PlaceholderReference, values: ReadonlyMap<string, string>): string | undefined {
  const value = values.get(reference.name);
  if (value === undefined) return undefined;
  if (reference.filter === undefined) return value;
  const filter = FILTERS[reference.filter];
  const filtered = filter?.(value);
  // An unknown filter, or a value with nothing left to slug, stays a placeholder and is reported.
  return filtered ? filtered : undefined;
}

function normalizedValues(values: PlaceholderValues): Map<string, string> {
  return new Map(
    Object.entries(values)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "")
      .map(([name, value]) => [normalizePlaceholderName(name), value.trim()]),
  );
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const normalized = normalizedValues(values);
  return text.replace(PLACEHOLDER, (whole, inner: string) => {
    const reference = placeholderReference(inner);
    return (reference === undefined ? undefined : resolve(reference, normalized)) ?? whole;
  });
}

/** The distinct placeholder names (without filters) in a text, normalized, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const reference = placeholderReference(match[1] ?? "");
    if (reference !== undefined) names.add(reference.name);
  }
  return [...names];
}

/**
 * The placeholders still in a text, as written ("{{previous_version}}"), in order of first
 * use: after filling, what is left. Braces around something that is not a name
 * (`{{.State.Status}}` in a docker command) are the command's own and not counted.
 */
export function unfilledPlaceholders(text: string): string[] {
  const left = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) if (placeholderReference(match[1] ?? "") !== undefined) left.add(match[0]);
  return [...left];
}

/** "previous_version" → "Previous version": a label for a form field or a readable name. */
export function placeholderLabel(name: string): string {
  const words = normalizePlaceholderName(name).split("_").filter((word) => word !== "").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
