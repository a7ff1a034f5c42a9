import type { Root } from "mdast";

// unist's Point, reached through mdast (unist itself is only a transitive dependency).
export type Point = NonNullable<Root["position"]>["start"];

/**
 * Line starts of a text, computed once, so turning an offset into a unist point (line,
 * column, offset) is a binary search instead of a scan of the text for every node.
 */
export class SourceLines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) this.starts.push(index + 1);
  }

  /** How many lines the text has (a final "\n" ends the last line but one). */
  get count(): number {
    return this.starts.length;
  }

  /** Offset where 0-based `line` starts; past the last line, the end of the text. */
  start(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** Offset of the end of 0-based `line`, before its "\n". */
  end(line: number): number {
    const next = this.starts[line + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  /** 0-based line that contains `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  point(offset: number): Point {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.start(line) + 1, offset };
  }

  /** First character of `line` at or after `from` that is not a space or tab. */
  skipBlanks(line: number, from = this.start(line)): number {
    const end = this.end(line);
    let offset = from;
    while (offset < end && (this.text[offset] === " " || this.text[offset] === "\t")) offset += 1;
    return offset;
  }

  isBlank(line: number): boolean {
    return this.skipBlanks(line) >= this.end(line);
  }

  /** The last line in [first, end) that is not blank (`first` if all are). */
  lastFilled(first: number, end: number): number {
    let line = end - 1;
    while (line > first && this.isBlank(line)) line -= 1;
    return Math.max(first, line);
  }
}
