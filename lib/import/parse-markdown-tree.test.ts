import type { Blockquote, Code, Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from "mdast";
import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/import/import-error";
import { parseMarkdownTree } from "@/lib/import/parse-markdown-tree";
import { SourceText } from "@/lib/import/source-text";

/** The tree, with every position written as "line:column-line:column" and inline content as its text. */
function outline(markdown: string): unknown[] {
  return parseMarkdownTree(markdown).children.map(shape);
}

function where(node: Nodes): string {
  const position = node.position;
  return position ? `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}` : "";
}

function inline(node: Nodes): string {
  return "children" in node ? new SourceText("").inline(node) : "";
}

function shape(node: Nodes): unknown {
  switch (node.type) {
    case "heading":
      return { heading: node.depth, text: inline(node), at: where(node) };
    case "paragraph":
      return { paragraph: inline(node), at: where(node) };
    case "list":
      return { list: node.ordered ? `ordered from ${node.start}` : "bullets", items: node.children.map(shape), at: where(node) };
    case "listItem":
      return { item: node.checked, children: node.children.map(shape), at: where(node) };
    case "blockquote":
      return { quote: node.children.map(shape), at: where(node) };
    case "table":
      return { table: node.children.map((row) => row.children.map(inline)), align: node.align, at: where(node) };
    case "code":
      return { code: node.value, lang: node.lang, meta: node.meta, at: where(node) };
    case "html":
      return { html: node.value, at: where(node) };
    case "footnoteDefinition":
      return { footnote: node.label, children: node.children.map(shape), at: where(node) };
    case "definition":
      return { definition: node.label, url: node.url, at: where(node) };
    case "thematicBreak":
      return { rule: where(node) };
    default:
      return { other: node.type };
  }
}

function first<T extends RootContent>(root: Root, type: T["type"]): T {
  const found = root.children.find((node) => node.type === type);
  if (!found) throw new Error(`no ${type}`);
  return found as T;
}

describe("parseMarkdownTree", () => {
  it("reads ATX, closed ATX and setext headings, their text as written", () => {
    expect(outline("# Release *2.0* plan\n\n## Deploy ##\n\nSetext `one`\nline two\n---\n")).toEqual([
      { heading: 1, text: "Release *2.0* plan", at: "1:1-1:21" },
      { heading: 2, text: "Deploy", at: "3:1-3:13" },
      { heading: 2, text: "Setext `one`\nline two", at: "5:1-7:4" },
    ]);
  });

  it("reads nested lists with task items, the checkbox left out of the text", () => {
    expect(outline("- [ ] Back up **db**\n  - [x] Check\n    lag\n  - plain\n3. [X] Ordered\n")).toEqual([
      {
        list: "bullets",
        at: "1:1-4:10",
        items: [
          {
            item: false,
            at: "1:1-4:10",
            children: [
              { paragraph: "Back up **db**", at: "1:3-1:21" },
              {
                list: "bullets",
                at: "2:3-4:10",
                items: [
                  { item: true, at: "2:3-3:8", children: [{ paragraph: "Check\nlag", at: "2:5-3:8" }] },
                  { item: null, at: "4:3-4:10", children: [{ paragraph: "plain", at: "4:5-4:10" }] },
                ],
              },
            ],
          },
        ],
      },
      { list: "ordered from 3", at: "5:1-5:15", items: [{ item: true, at: "5:1-5:15", children: [{ paragraph: "Ordered", at: "5:4-5:15" }] }] },
    ]);
  });

  it("reads a checkbox only when it opens the item and is followed by text", () => {
    const items = (first<List>(parseMarkdownTree("- [ ]\n- text [x] later\n- [y] not a box\n"), "list").children as ListItem[]).map((item) => item.checked);
    expect(items).toEqual([null, null, null]);
  });

  it("reads tables with their cells as written (an escaped pipe is a pipe, as GFM reads it) and their alignment", () => {
    expect(outline("| Step | Command \\| alias | Owner |\n|:-----|:-:|--:|\n| 1 | `a \\| b` | **Dana** |\n")).toEqual([
      { table: [["Step", "Command | alias", "Owner"], ["1", "`a | b`", "**Dana**"]], align: ["left", "center", "right"], at: "1:1-3:28" },
    ]);
  });

  it("reads fenced code with its language and meta, indented code, and code inside an item", () => {
    expect(outline("```bash title=deploy.sh\n./deploy --wait\n```\n\n    indented\n\n- step\n\n  ~~~sql\n  select 1;\n  ~~~\n")).toEqual([
      { code: "./deploy --wait", lang: "bash", meta: "title=deploy.sh", at: "1:1-3:4" },
      { code: "indented", lang: null, meta: null, at: "5:1-5:13" },
      {
        list: "bullets",
        at: "7:1-11:6",
        items: [{ item: null, at: "7:1-11:6", children: [{ paragraph: "step", at: "7:3-7:7" }, { code: "select 1;", lang: "sql", meta: null, at: "9:3-11:6" }] }],
      },
    ]);
  });

  it("keeps footnote definitions where they are written, including empty ones", () => {
    expect(outline("Text.\n\n[^1]: The first note\n    continued.\n\n[^empty]:\n\nAfter.\n")).toEqual([
      { paragraph: "Text.", at: "1:1-1:6" },
      { footnote: "1", children: [{ paragraph: "The first note\ncontinued.", at: "3:1-4:15" }], at: "3:1-4:15" },
      { footnote: "empty", children: [], at: "6:1-6:10" },
      { paragraph: "After.", at: "8:1-8:7" },
    ]);
  });

  it("keeps link reference definitions, which markdown-it takes out of the flow, in their place", () => {
    expect(outline("# T\n\n[runbook]: https://wiki.example.com/runbook \"Runbook\"\n\n## Next\n")).toEqual([
      { heading: 1, text: "T", at: "1:1-1:4" },
      { definition: "runbook", url: "https://wiki.example.com/runbook", at: "3:1-3:54" },
      { heading: 2, text: "Next", at: "5:1-5:8" },
    ]);
  });

  it("reads HTML blocks and cuts HTML comments out of inline text", () => {
    expect(outline("<!-- internal -->\n\n<details>\n<summary>Config</summary>\n</details>\n\n- [ ] Step <!-- hidden --> done\n")).toEqual([
      { html: "<!-- internal -->", at: "1:1-1:18" },
      { html: "<details>\n<summary>Config</summary>\n</details>", at: "3:1-5:11" },
      { list: "bullets", at: "7:1-7:32", items: [{ item: false, at: "7:1-7:32", children: [{ paragraph: "Step  done", at: "7:3-7:32" }] }] },
    ]);
  });

  it("leaves a comment inside a code span in the text", () => {
    const paragraph = first<Paragraph>(parseMarkdownTree("Write `<!-- x -->` in the file.\n"), "paragraph");
    expect(inline(paragraph)).toBe("Write `<!-- x -->` in the file.");
  });

  it("reads quotes, with lists and lazy lines, and starts their blocks after the markers", () => {
    expect(outline("> Subject: Deploy\n> lazy\ncontinued\n>\n> - item\n")).toEqual([
      {
        quote: [
          { paragraph: "Subject: Deploy\nlazy\ncontinued", at: "1:3-3:10" },
          { list: "bullets", at: "5:3-5:9", items: [{ item: null, at: "5:3-5:9", children: [{ paragraph: "item", at: "5:5-5:9" }] }] },
        ],
        at: "1:1-5:9",
      },
    ]);
  });

  it("gives offsets that slice the source, and block source de-indented to the block's column", () => {
    const text = "- Deploy\n\n  Use the pinned tag\n  from the notes.\n\n  > Note: slow\n";
    const root = parseMarkdownTree(text);
    const item = first<List>(root, "list").children[0]!;
    const [, details, quote] = item.children as [Paragraph, Paragraph, Blockquote];
    const source = new SourceText(text);
    expect(details.position?.start).toEqual({ line: 3, column: 3, offset: 12 });
    expect(source.block(details)).toBe("Use the pinned tag\nfrom the notes.");
    expect(source.block(quote)).toBe("> Note: slow");
    expect(source.startLine(quote)).toBe(6);
  });

  it("reads a heading's content after a task list and a rule, and keeps a rule of underscores as a rule", () => {
    const root = parseMarkdownTree("Intro\n\n___\n\n# Title\n");
    expect(root.children.map((node) => node.type)).toEqual(["paragraph", "thematicBreak", "heading"]);
    expect(inline(first<Heading>(root, "heading"))).toBe("Title");
    expect(first<Code | Table | RootContent>(root, "thematicBreak").position?.start.line).toBe(3);
  });

  it("refuses lists nested deeper than markdown-it reads, instead of losing the rest of the plan", () => {
    const deep = Array.from({ length: 60 }, (_, level) => `${"  ".repeat(level)}- level ${level}`).join("\n");
    const read = () => parseMarkdownTree(`# Plan\n\n${deep}\n\n## After\n`);
    expect(read).toThrow(ImportError);
    expect(read).toThrow(/Line 52: lists or quotes are nested 50 levels deep or more/);
  });

  it("reads lists nested 49 levels deep, the deepest markdown-it reads", () => {
    const deep = Array.from({ length: 49 }, (_, level) => `${"  ".repeat(level)}- level ${level}`).join("\n");
    let list: List | undefined = first<List>(parseMarkdownTree(`${deep}\n`), "list");
    let depth = 0;
    while (list) {
      depth += 1;
      list = list.children[0]?.children.find((child): child is List => child.type === "list");
    }
    expect(depth).toBe(49);
  });
});
