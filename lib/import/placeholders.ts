/**
 * Fill-in blanks that plan templates use instead of content: `_____`, `[Name]`, `[TIME]`,
 * `<id>`, `{{owner}}`, "TBD". A value made only of blanks is a declared-but-empty value ("").
 */

const HTML_TAGS = new Set([
  "a", "abbr", "b", "br", "code", "del", "details", "div", "em", "hr", "i", "img", "kbd", "li", "ol",
  "p", "pre", "s", "span", "strong", "sub", "summary", "sup", "table", "td", "th", "tr", "u", "ul",
]);

// [Name], [START TIME], [Phone/Slack] — but not task boxes ([ ], [x]), links ([text](url)) or
// footnote-ish references ([1]).
const BRACKET_BLANK = /\[([A-Za-z][A-Za-z0-9 _/.&'-]{0,60})\](?!\(|\[)/g;
const ANGLE_BLANK = /<([A-Za-z][A-Za-z0-9 _-]{0,40})>/g;
// "{{ name }}": everything between the braces, judged in code (`mustacheName`). The earlier
// `\{\{\s*([^{}]{1,60}?)\s*\}\}` tried every split of a long run of spaces between its parts.
const MUSTACHE_BLANK = /\{\{([^{}]*)\}\}/g;

/** The name inside "{{…}}" (trimmed, 1–60 characters), or undefined when it is not a blank. */
function mustacheName(inner: string): string | undefined {
  if (inner === "") return undefined;
  const name = inner.trim();
  return name.length <= 60 ? name : undefined;
}
const UNDERSCORE_BLANK = /_{2,}/g;
const WORD_BLANK = /\b(?:TBD|TBA|TBC)\b/g;

function isAngleBlank(name: string): boolean {
  return !HTML_TAGS.has(name.toLowerCase());
}

/**
 * Removes blanks from a value, leaving the real content (possibly ""). With
 * `keepPlaceholders`, `{{name}}` blanks inside real content stay: they are what a template
 * fills in ("**Subject**: {{feature}} is live" must not become "is live").
 */
export function stripBlanks(value: string, options: { keepPlaceholders?: boolean } = {}): string {
  const keepPlaceholders = options.keepPlaceholders === true;
  return value
    .replace(UNDERSCORE_BLANK, " ")
    .replace(BRACKET_BLANK, (match, name: string) => (isBracketBlankName(name) ? " " : match))
    .replace(ANGLE_BLANK, (match, name: string) => (isAngleBlank(name) ? " " : match))
    .replace(MUSTACHE_BLANK, (match, inner: string) => (keepPlaceholders || mustacheName(inner) === undefined ? match : " "))
    .replace(WORD_BLANK, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function isBracketBlankName(name: string): boolean {
  return !/^[xX ]$/.test(name);
}

/** True when the value is nothing but blanks (or nothing at all). */
export function isBlank(value: string): boolean {
  return stripBlanks(value).replace(/[\s:/|,;()-]/g, "") === "";
}

/** Names of the blanks in a text, in order of first appearance. */
export function blankNames(text: string): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    const trimmed = name.trim();
    if (trimmed !== "" && !names.includes(trimmed)) names.push(trimmed);
  };
  for (const match of text.matchAll(MUSTACHE_BLANK)) add(mustacheName(match[1] ?? "") ?? "");
  for (const match of text.matchAll(BRACKET_BLANK)) if (isBracketBlankName(match[1] ?? "")) add(match[1] ?? "");
  for (const match of text.matchAll(ANGLE_BLANK)) if (isAngleBlank(match[1] ?? "")) add(match[1] ?? "");
  return names;
}

/**
 * Rewrites `[START TIME]` and `<id>` blanks as `{{START TIME}}` / `{{id}}` so communication
 * templates have one placeholder syntax the app can fill in. `{{x}}` is left as it is.
 */
export function toMustachePlaceholders(text: string): string {
  return text
    .replace(BRACKET_BLANK, (match, name: string) => (isBracketBlankName(name) ? `{{${name.trim()}}}` : match))
    .replace(ANGLE_BLANK, (match, name: string) => (isAngleBlank(name) ? `{{${name.trim()}}}` : match));
}

/** What the exporter writes for a declared-but-blank value. */
export const BLANK = "_____";
