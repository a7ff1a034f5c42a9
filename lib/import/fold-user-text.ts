/**
 * Text people type while a plan runs (their names, skip and failure notes, signature comments)
 * is written into exported Markdown inside a list line or table cell. Folded to one line, it
 * cannot start a line of its own, so a re-import never reads an item, heading, table, fence
 * or gate out of it ("ok\n- [ ] injected step" becomes "ok - [ ] injected step", inside the
 * line it belongs to). An HTML comment opener would hide the rest of that line from the
 * importer, so it is broken up too.
 */
export function foldUserText(text: string): string {
  return text.replace(/\s+/g, " ").trim().replaceAll("<!--", "< !--");
}
