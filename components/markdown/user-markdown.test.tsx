import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineMarkdown, MarkdownBlock } from "@/components/markdown/user-markdown";

const inline = (text: string) => renderToStaticMarkup(<InlineMarkdown text={text} />);
const block = (text: string) => renderToStaticMarkup(<MarkdownBlock text={text} />);

describe.each([
  ["InlineMarkdown", inline],
  ["MarkdownBlock", block],
])("%s", (_name, render) => {
  it("drops raw HTML: no script element and no event handler survive", () => {
    for (const attack of ['<script>alert(1)</script>', 'before <img src=x onerror="alert(1)"> after', '<a href="javascript:alert(1)" onclick="alert(2)">x</a>']) {
      const html = render(attack);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/onerror|onclick/i);
      expect(html).not.toMatch(/javascript:/i);
    }
  });

  it("renders a javascript: link without an executable URL", () => {
    const html = render("[x](javascript:alert(1))");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain("x");
  });

  it("renders strong, emphasis and inline code", () => {
    const html = render("**CRITICAL** run `kubectl get pods` _now_");
    expect(html).toContain("<strong>CRITICAL</strong>");
    expect(html).toMatch(/<code[^>]*>kubectl get pods<\/code>/);
    expect(html).toContain("<em>now</em>");
  });

  it("opens safe links in a new tab without the opener", () => {
    const html = render("see [the runbook](https://runbooks.example.com/payments)");
    expect(html).toMatch(/<a href="https:\/\/runbooks.example.com\/payments" target="_blank" rel="noopener noreferrer"[^>]*>the runbook<\/a>/);
  });
});

describe("InlineMarkdown", () => {
  it("keeps block Markdown in a one-line step inline", () => {
    const html = inline("# Heading\n\n- a list item with **bold**");
    expect(html).not.toMatch(/<(p|h1|ul|li|div)\b/);
    expect(html).toContain("Heading");
    expect(html).toContain("<strong>bold</strong>");
  });
});

describe("MarkdownBlock", () => {
  it("keeps paragraphs and lists of notes", () => {
    const html = block("First paragraph.\n\n- one\n- two");
    expect(html).toContain("<p>First paragraph.</p>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/);
  });

  it("drops images, which could fetch from anywhere", () => {
    expect(block("![pixel](https://tracker.example.com/p.png)")).not.toMatch(/<img/i);
  });
});
