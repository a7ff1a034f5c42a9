import { parseDurationMs } from "@/lib/time/duration-ms";
import { CHECK_METHODS, COMPARISON_OPERATORS, DEFAULT_CHECK_TIMEOUT_MS, httpCheckSchema, type HttpCheck, type JsonScalar } from "@/lib/checks/check-spec";

/**
 * A step's HTTP check as one line of Markdown under the step, which the importer reads and
 * the export writes:
 *
 *     Check: GET https://status.example.com/health expect 200 json /status == "ok" retries 2 auto
 *
 * After METHOD URL `expect` STATUS come, in any order: `contains "text"`, `json POINTER OP
 * VALUE` (OP one of == != < <= > >=; VALUE a number, true, false, null, a "quoted string" or
 * one word), `timeout 10s`, `retries N`, `auto`. Quoted strings are JSON strings. Read by a
 * single scan over the characters (no pattern), so any line is read in linear time.
 */
export type CheckLineResult = { ok: true; check: HttpCheck } | { ok: false; message: string };

interface Token {
  text: string;
  quoted: boolean;
}

/** The line's words; a "…" string is one word (JSON escapes inside). Null when a quote is not closed. */
function tokenize(line: string): Token[] | null {
  const tokens: Token[] = [];
  let index = 0;
  while (index < line.length) {
    const char = line[index]!;
    if (char === " " || char === "\t") {
      index += 1;
    } else if (char === '"') {
      let end = index + 1;
      while (end < line.length && line[end] !== '"') end += line[end] === "\\" ? 2 : 1;
      if (end >= line.length) return null;
      let text: string;
      try {
        text = JSON.parse(line.slice(index, end + 1)) as string;
      } catch {
        return null;
      }
      tokens.push({ text, quoted: true });
      index = end + 1;
    } else {
      let end = index;
      while (end < line.length && line[end] !== " " && line[end] !== "\t") end += 1;
      tokens.push({ text: line.slice(index, end), quoted: false });
      index = end;
    }
  }
  return tokens;
}

function scalarOf(token: Token): JsonScalar {
  if (token.quoted) return token.text;
  if (token.text === "true") return true;
  if (token.text === "false") return false;
  if (token.text === "null") return null;
  return looksNumeric(token.text) ? Number(token.text) : token.text;
}

function looksNumeric(text: string): boolean {
  if (!text) return false;
  for (const char of text) if (!((char >= "0" && char <= "9") || char === "." || char === "-" || char === "+" || char === "e" || char === "E")) return false;
  return Number.isFinite(Number(text));
}

const FORMAT = 'Write a check as: METHOD URL expect STATUS [contains "text"] [json /pointer == value] [timeout 5s] [retries N] [auto].';

export function parseCheckLine(line: string): CheckLineResult {
  const tokens = tokenize(line.trim());
  if (!tokens) return { ok: false, message: "A quoted text in the check is not closed." };
  const fail = (message: string): CheckLineResult => ({ ok: false, message: `${message} ${FORMAT}` });
  const [method, url, expect, status] = tokens;
  if (!method || !CHECK_METHODS.includes(method.text.toUpperCase() as (typeof CHECK_METHODS)[number])) return fail(`"${method?.text ?? ""}" is not an HTTP method.`);
  if (!url || !expect || expect.text.toLowerCase() !== "expect" || !status || !looksNumeric(status.text)) return fail("The check needs a URL and the status it expects.");
  const draft: Record<string, unknown> = { method: method.text.toUpperCase(), url: url.text, expectedStatus: Number(status.text) };
  let index = 4;
  while (index < tokens.length) {
    const word = tokens[index]!.quoted ? "" : tokens[index]!.text.toLowerCase();
    if (word === "contains" && tokens[index + 1]) {
      draft.bodyContains = tokens[index + 1]!.text;
      index += 2;
    } else if (word === "json" && tokens[index + 3]) {
      const operator = tokens[index + 2]!.text;
      if (!COMPARISON_OPERATORS.includes(operator as (typeof COMPARISON_OPERATORS)[number])) return fail(`"${operator}" is not a comparison (use == != < <= > >=).`);
      draft.json = { pointer: tokens[index + 1]!.text, operator, value: scalarOf(tokens[index + 3]!) };
      index += 4;
    } else if (word === "timeout" && tokens[index + 1]) {
      const ms = parseDurationMs(tokens[index + 1]!.text);
      if (ms === undefined) return fail(`"${tokens[index + 1]!.text}" is not a duration.`);
      draft.timeoutMs = ms;
      index += 2;
    } else if (word === "retries" && tokens[index + 1] && looksNumeric(tokens[index + 1]!.text)) {
      draft.retries = Number(tokens[index + 1]!.text);
      index += 2;
    } else if (word === "auto") {
      draft.auto = true;
      index += 1;
    } else {
      return fail(`"${tokens[index]!.text}" is not part of a check.`);
    }
  }
  const parsed = httpCheckSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? FORMAT };
  return { ok: true, check: parsed.data };
}

/** The value as the line writes it: bare when it reads back as the same value, else a JSON string. */
function formatScalar(value: JsonScalar): string {
  if (typeof value !== "string") return String(value);
  const bare = value !== "" && !value.includes(" ") && !value.includes("\t") && !value.includes('"') && scalarOf({ text: value, quoted: false }) === value;
  return bare ? value : JSON.stringify(value);
}

const formatWord = (text: string) => (text === "" || text.includes(" ") || text.includes("\t") || text.startsWith('"') ? JSON.stringify(text) : text);

export function formatCheckLine(check: HttpCheck): string {
  const parts = [check.method, formatWord(check.url), "expect", String(check.expectedStatus)];
  if (check.bodyContains !== undefined) parts.push("contains", JSON.stringify(check.bodyContains));
  if (check.json) parts.push("json", formatWord(check.json.pointer), check.json.operator, formatScalar(check.json.value));
  if (check.timeoutMs !== DEFAULT_CHECK_TIMEOUT_MS) parts.push("timeout", check.timeoutMs % 1000 === 0 ? `${check.timeoutMs / 1000}s` : `${check.timeoutMs}ms`);
  if (check.retries) parts.push("retries", String(check.retries));
  if (check.auto) parts.push("auto");
  return parts.join(" ");
}
