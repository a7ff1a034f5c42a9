import type { SourceLines } from "@/lib/import/source-lines";

/**
 * Maps indexes in markdown-it's inline content string back to source offsets. The content
 * of a paragraph or setext heading is its lines, each stripped of the container's
 * indentation (and "> " markers), joined with "\n" and trimmed at both ends; so each content
 * line is the tail of its source line, and the last one is also cut before trailing blanks.
 */
export class InlineContent {
  private constructor(
    readonly text: string,
    private readonly contentStarts: number[],
    private readonly sourceStarts: number[],
  ) {}

  /** Content that is a verbatim slice of the source starting at `offset` (headings, cells). */
  static verbatim(text: string, offset: number): InlineContent {
    return new InlineContent(text, [0], [offset]);
  }

  /** Content taken from 0-based source lines `firstLine`, `firstLine + 1`, … */
  static fromLines(text: string, firstLine: number, lines: SourceLines): InlineContent {
    const contentStarts: number[] = [];
    const sourceStarts: number[] = [];
    let contentStart = 0;
    for (let line = firstLine; contentStart <= text.length; line += 1) {
      const newline = text.indexOf("\n", contentStart);
      const contentEnd = newline === -1 ? text.length : newline;
      const length = contentEnd - contentStart;
      let sourceEnd = lines.end(line);
      if (newline === -1) while (sourceEnd > lines.start(line) && isBlank(lines.text.charCodeAt(sourceEnd - 1))) sourceEnd -= 1;
      // A tab that was only partly indentation is expanded to spaces in the content, so the
      // tail may not match exactly; it is then still anchored at the end of the line.
      contentStarts.push(contentStart);
      sourceStarts.push(Math.max(lines.start(line), sourceEnd - length));
      if (newline === -1) break;
      contentStart = newline + 1;
    }
    return new InlineContent(text, contentStarts, sourceStarts);
  }

  toSource(index: number): number {
    let low = 0;
    let high = this.contentStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.contentStarts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return (this.sourceStarts[low] ?? 0) + index - (this.contentStarts[low] ?? 0);
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}
