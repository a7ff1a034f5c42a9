/**
 * Helpers shared by the import tests (not a test file itself). Pure reads of the project's
 * fixtures and of the seed documents, and a check that no line of a document was dropped.
 *
 * The fixtures (lib/import/fixtures) are the project's own corpus: every behaviour the
 * tests pin down is shown on them, so a clone anywhere can run `npm test`. The seed
 * documents (../shared/seed-docs, or SEED_DOCS_DIR) are real plans from our users; when
 * they are beside the checkout, the `*.seed.test.ts` files run on them as well.
 */
import fs from "node:fs";
import path from "node:path";
import type { PlanDocument } from "@/lib/plan-document/schema";

// eslint-disable-next-line no-restricted-properties -- where the seed documents live is a test setting, not an app setting
export const SEED_DIR = path.resolve(process.cwd(), process.env.SEED_DOCS_DIR ?? "../shared/seed-docs");
export const FIXTURE_DIR = path.resolve(import.meta.dirname, "fixtures");

export const SEED_FILES = ["000_cd5e2773dc629bf9.txt", "001_6dcde4bc63a31b6d.txt", "004_296308206fa363ea.txt"] as const;

/** Whether the seed documents are beside the checkout; tests on them add to the fixtures' tests when they are. */
export function seedDocumentsPresent(): boolean {
  return fs.existsSync(SEED_DIR);
}

/** Seed documents live outside the repo. Only `*.seed.test.ts` files read them, and vitest runs those only when the folder exists. */
export function readSeed(name: (typeof SEED_FILES)[number]): string {
  if (!fs.existsSync(SEED_DIR)) {
    throw new Error(`Seed documents not found at ${SEED_DIR}. Run the tests from the repository root next to ../shared/seed-docs.`);
  }
  return fs.readFileSync(path.join(SEED_DIR, name), "utf8");
}

export function fixtureNames(): string[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith(".md"))
    .sort();
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), "utf8");
}

/** The document without source line numbers, for structural comparison. */
export function withoutLines(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLines);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "line" && key !== "startLine" && key !== "endLine")
        .map(([key, inner]) => [key, withoutLines(inner)]),
    );
  }
  return value;
}

function collectStrings(value: unknown, out: string[]): string[] {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number") out.push(String(value));
  else if (Array.isArray(value)) for (const inner of value) collectStrings(inner, out);
  else if (value && typeof value === "object") for (const inner of Object.values(value)) collectStrings(inner, out);
  return out;
}

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

const CONTACT_PARTS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{5,}\d/g;
const BLANKS = /\[[A-Za-z][A-Za-z /]*\]|<[a-z]+>|_{2,}/g;
const TABLE_DELIMITER = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/** Parts of a line that must appear in the document: values, not the labels around them. */
function contentSegments(line: string): string[] {
  const cells = line.startsWith("|") ? line.replace(/^\||\|$/g, "").split(/(?<!\\)\|/) : [line];
  // The first cell of a two-column Field/Value row is a key, like the key of "Key: value".
  const values = cells.length === 2 && line.startsWith("|") ? cells.slice(1) : cells;
  return values.flatMap((cell) => {
    const text = cell
      .trim()
      .replace(/^#{1,6}\s+|\s+#+$/g, "")
      .replace(/^>\s?/, "")
      .replace(/^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, "")
      // " — done by Lee at 2026-11-22 10:00 UTC" is read into the item's state, not its text.
      .replace(/\s[—–]\s(?:done|skipped|failed|n\/a|pending)\b.*$/, "");
    const field = /^(?:\*\*|__)?([^*:]+?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$/.exec(text);
    const value = field ? (field[2] ?? "") : text;
    // "Name Date: 2026-01-01" and "(phone: ___)": labels inside a value are structure too.
    return value.split(/\(?\b[A-Za-z]+:\s*\)?|\s+by\s+|;/);
  });
}

/**
 * Lines of the source whose content appears nowhere in the document. Markup-only lines
 * (fences, rules, table headers and delimiters, comments, blanks) are skipped, as are the
 * keys of `Key: value` lines and the labels of blanks ("[PHONE]"), which the parser turns
 * into structure rather than text. A blank counts as accounted for either way.
 */
export function unaccountedLines(source: string, document: PlanDocument): string[] {
  const haystack = squash(collectStrings(document, []).join(" "));
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const missing: string[] = [];
  let inComment = false;
  lines.forEach((rawLine, index) => {
    // Lines inside a multi-line HTML comment are comments: the importer ignores them by design.
    const opened = inComment;
    const withoutComments = rawLine.replace(/<!--.*?-->/g, "");
    if (opened) inComment = !withoutComments.includes("-->");
    else if (withoutComments.includes("<!--")) inComment = !withoutComments.includes("-->", withoutComments.indexOf("<!--"));
    if (opened) return;
    const line = withoutComments.trim();
    const isTableHeader = line.startsWith("|") && TABLE_DELIMITER.test((lines[index + 1] ?? "").trim());
    if (isTableHeader || /^(`{3,}|~{3,})/.test(line) || /^[-=_*\s|:]*$/.test(line) || /^<!--|-->$/.test(line)) return;
    // Verbatim copies (code, template bodies) contain the whole line; otherwise every value must be there.
    const found = haystack.includes(squash(line)) || contentSegments(line).every((segment) => {
      const variants = [
        segment.replace(BLANKS, ""),
        segment.replace(BLANKS, (blank) => blank.replace(/[[\]<>_]/g, "")),
        // "(optional)" after a sign-off role is read as "not required", not kept in the role's name.
        segment.replace(/\(\s*optional\s*\)/gi, "").replace(BLANKS, ""),
      ];
      // A contact value is stored in parts, in another order ("ana@example.com deploy" → the
      // name "deploy" and the e-mail "ana@example.com"): the addresses and numbers, and the
      // text between them, must each be there.
      const present = (text: string) => squash(text) === "" || haystack.includes(squash(text));
      const contactParts = (text: string) => [...(text.match(CONTACT_PARTS) ?? []), ...text.split(CONTACT_PARTS)];
      return variants.some((variant) => present(variant) || contactParts(variant).every(present));
    });
    if (!found) missing.push(rawLine);
  });
  return missing;
}
