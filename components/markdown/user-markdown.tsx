import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * Markdown written by people (step text, notes), rendered safely: raw HTML is dropped
 * (`skipHtml`), the HTML that Markdown makes passes rehype-sanitize's GitHub-like schema
 * (no event handlers, no `javascript:` URLs), and links open in a new tab without handing
 * the opener to the target.
 */

/** What a one-line step text may contain; anything else (paragraphs, lists, headings) is unwrapped to its text. */
const INLINE_ELEMENTS = ["strong", "em", "code", "a", "del", "br"];

const link: Components["a"] = ({ href, children }) =>
  href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" className="text-indigo-700 underline dark:text-indigo-300">
      {children}
    </a>
  ) : (
    <>{children}</>
  );

const inlineCode: Components["code"] = ({ children }) => (
  <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800">{children}</code>
);

/** Step text and other one-line Markdown: inline code, emphasis, strong and links stay inline. */
export function InlineMarkdown({ text }: { text: string }) {
  return (
    <ReactMarkdown
      skipHtml
      remarkPlugins={[remarkGfm]}
      rehypePlugins={[rehypeSanitize]}
      allowedElements={INLINE_ELEMENTS}
      unwrapDisallowed
      components={{ a: link, code: inlineCode }}
    >
      {text}
    </ReactMarkdown>
  );
}

/** Notes of a section or step: paragraphs, lists and quotes, with the same inline rules. */
export function MarkdownBlock({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`space-y-2 [&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 ${className ?? ""}`}>
      <ReactMarkdown
        skipHtml
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        // Headings inside notes would compete with the page's own; they read as strong text.
        components={{ a: link, code: inlineCode, h1: "strong", h2: "strong", h3: "strong", h4: "strong", h5: "strong", h6: "strong", img: () => null }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
