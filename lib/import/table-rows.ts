import type { AlignType, Table, TableCell, TableRow } from "mdast";
import type { Env, Token } from "markdown-it";
import { InlineContent } from "@/lib/import/inline-content";
import { tokenizeInline } from "@/lib/import/markdown-tokens";
import { toPhrasing } from "@/lib/import/phrasing-content";
import type { SourceLines } from "@/lib/import/source-lines";

interface CellBounds {
  /** The cell as mdast places it: from its leading pipe to the next one (the last to the row's end). */
  start: number;
  end: number;
  /** Its content, trimmed. */
  contentStart: number;
  contentEnd: number;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function isBlankPiece(text: string, piece: { from: number; to: number }): boolean {
  for (let offset = piece.from; offset < piece.to; offset += 1) if (!isBlank(text.charCodeAt(offset))) return false;
  return true;
}

/**
 * Splits a row the way GFM does: at every pipe that is not escaped (`\|`, and `\\` is an
 * escaped backslash), pipes inside code spans included. A leading and a trailing pipe only
 * delimit. Cells are kept as written, also when a row has more or fewer than the header.
 */
function splitRow(text: string, start: number, end: number): CellBounds[] {
  const pipes: number[] = [];
  for (let offset = start; offset < end; offset += 1) {
    const code = text.charCodeAt(offset);
    if (code === 92 /* \ */ && (text[offset + 1] === "|" || text[offset + 1] === "\\")) offset += 1;
    else if (code === 124 /* | */) pipes.push(offset);
  }
  const pieces: { from: number; to: number }[] = [];
  let from = start;
  for (const pipe of pipes) {
    pieces.push({ from, to: pipe });
    from = pipe + 1;
  }
  pieces.push({ from, to: end });
  const first = pieces[0];
  const last = pieces.at(-1);
  const leadingPipe = pipes.length > 0 && first !== undefined && first.to === start;
  const trailingPipe = pipes.length > 0 && last !== undefined && isBlankPiece(text, last) && pieces.length > (leadingPipe ? 2 : 1);
  const cells = pieces.slice(leadingPipe ? 1 : 0, trailingPipe ? -1 : undefined);
  return cells.map((piece, index) => {
    let contentStart = piece.from;
    let contentEnd = piece.to;
    while (contentStart < contentEnd && isBlank(text.charCodeAt(contentStart))) contentStart += 1;
    while (contentEnd > contentStart && isBlank(text.charCodeAt(contentEnd - 1))) contentEnd -= 1;
    return {
      start: index === 0 && leadingPipe ? start : piece.from - (index === 0 ? 0 : 1),
      end: index === cells.length - 1 ? end : piece.to,
      contentStart,
      contentEnd,
    };
  });
}

function alignOf(cell: string): AlignType {
  const left = cell.startsWith(":");
  const right = cell.endsWith(":");
  return left && right ? "center" : left ? "left" : right ? "right" : null;
}

export interface RowLine {
  line: number;
  /** Where the row's content starts, past container markers, if markdown-it recorded it. */
  start: number | undefined;
}

/** A GFM table from markdown-it's table tokens (which give its lines), read from the source. */
export function buildTable(open: Token, rows: RowLine[], lines: SourceLines, env: Env): Table {
  const text = lines.text;
  const [firstLine = 0, endLine = firstLine + 1] = open.map ?? [];
  const children: TableRow[] = [];
  for (const row of rows) {
    const { line } = row;
    const start = row.start ?? lines.skipBlanks(line);
    const end = lines.end(line);
    const cells = splitRow(text, start, end).map((bounds): TableCell => {
      const raw = text.slice(bounds.contentStart, bounds.contentEnd);
      const content = InlineContent.verbatim(raw, bounds.contentStart);
      return {
        type: "tableCell",
        children: raw === "" ? [] : toPhrasing(tokenizeInline(raw, env), content, lines),
        position: { start: lines.point(bounds.start), end: lines.point(bounds.end) },
      };
    });
    children.push({ type: "tableRow", children: cells, position: { start: lines.point(start), end: lines.point(end) } });
  }
  // Alignment is read from the delimiter row, past any container markers ("> ") before it.
  const delimiterLine = text.slice(lines.start(firstLine + 1), lines.end(firstLine + 1)).replace(/^[\s>]*/, "");
  const align = splitRow(delimiterLine, 0, delimiterLine.length).map((cell) => alignOf(delimiterLine.slice(cell.contentStart, cell.contentEnd)));
  const tableStart = children[0]?.position?.start ?? lines.point(lines.skipBlanks(firstLine));
  return { type: "table", align, children, position: { start: tableStart, end: lines.point(lines.end(endLine - 1)) } };
}
