/**
 * Helpers for reading "keyword … value" patterns in user text in linear time. A regex such as
 * `/\(\s*owner\s*:\s*([^)]+)\)/` retries its whole tail from every "(owner:" it meets, so a line
 * of many unclosed ones costs quadratic time. These helpers find the keyword with a regex that
 * cannot backtrack past it, then take the value by plain string scanning.
 */

function isWhiteSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

/** First offset at or after `from` that is not white space (`text.length` if none). */
export function skipWhiteSpace(text: string, from: number): number {
  let offset = from;
  while (offset < text.length && isWhiteSpace(text[offset])) offset += 1;
  return offset;
}

/**
 * As `keyword\s*([^)]+)\)`: the text from after the first keyword match up to the next ")",
 * if that is not empty. `keyword` must be global; it is reset before use.
 */
export function parenthesisedValue(text: string, keyword: RegExp): string | undefined {
  keyword.lastIndex = 0;
  let close = -1;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    const start = match.index + match[0].length;
    if (close < start) close = text.indexOf(")", start);
    if (close === -1) return undefined;
    // `\s*` then `[^)]+`: one character at least, which may itself be white space.
    if (close > start) return text.slice(start, close);
  }
  return undefined;
}

/**
 * As `keyword\s*(.+)$` (no `m` flag): the rest of the text after the first keyword match
 * whose value, past white space, runs to the end without a line break.
 */
export function valueToEnd(text: string, keyword: RegExp): string | undefined {
  keyword.lastIndex = 0;
  const lastBreak = text.lastIndexOf("\n");
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    const start = match.index + match[0].length;
    const content = skipWhiteSpace(text, start);
    if (content > lastBreak && start < text.length) return text.slice(start);
    if (content > lastBreak) return undefined;
  }
  return undefined;
}

/**
 * As `keyword\s*([^…stops]+)$`: the rest of the text after the first keyword match when
 * none of `stops` occurs in it.
 */
export function valueToEndWithout(text: string, keyword: RegExp, stops: string): string | undefined {
  let lastStop = -1;
  for (const stop of stops) lastStop = Math.max(lastStop, text.lastIndexOf(stop));
  keyword.lastIndex = lastStop + 1;
  const match = keyword.exec(text);
  if (!match || match.index < lastStop) return undefined;
  const start = match.index + match[0].length;
  return start < text.length ? text.slice(start) : undefined;
}
