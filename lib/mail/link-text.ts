/**
 * Plain text cut into runs of words and web links, so a page can show a message's URLs as
 * links (how /dev/mail lets people and tests follow what an email points to). The pattern is
 * one character class repeated, so it runs in linear time on any text.
 */

export type TextPiece = { text: string } | { url: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
// Sentence punctuation right after a link belongs to the sentence, not to the link.
const TRAILING_PUNCTUATION = new Set([".", ",", ";", ":", "!", "?", ")", "]"]);

export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let end = match[0].length;
    while (end > 0 && TRAILING_PUNCTUATION.has(match[0][end - 1]!)) end -= 1;
    const url = match[0].slice(0, end);
    if (!/^https?:\/\/./.test(url)) continue;
    if (match.index > from) pieces.push({ text: text.slice(from, match.index) });
    pieces.push({ url });
    from = match.index + url.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
  return pieces;
}
