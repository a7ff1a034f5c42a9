/**
 * Random Markdown-like plans for the importer's property tests (test support, not a test):
 * the blocks real plans are made of (headings, task and plain lists with nesting, `Key:
 * value` lines, tables, fences, quotes, decisions, sentences that introduce trigger lists,
 * HTML comments) in random order, filled with words. Every word is a distinct token that the
 * Markdown syntax around it cannot change, so a line's words can be looked for in the plan.
 */
import fc from "fast-check";

const WORDS = [
  "deploy", "database", "release", "canary", "snapshot", "replica", "restore", "freeze", "drain", "verify", "rollout", "backup",
  "latency", "errors", "Ana", "Ben", "Priya", "Zoë", "café", "Björn", "Rückfall", "`kubectl apply`", "**now**", "_slowly_",
  "v2.3.1", "#ops", "@oncall", "42", "15 min", "T-30", "21:30", "5%", "ana@example.com", "+49 30 555 0199", "(optional)", "CRITICAL",
];

const word = fc.constantFrom(...WORDS);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((parts) => parts.join(" "));

const HEADING_WORDS = ["Preparation", "Deploy", "Rollback", "Rollback Triggers", "Contacts", "Sign-off", "Go/No-Go", "Timeline", "Verification", "Communication", "Backing out", "Notes"];
const heading = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...HEADING_WORDS), words(0, 2)).map(
  ([level, title, more]) => `${"#".repeat(level)} ${title}${more === "" ? "" : ` ${more}`}`,
);

const listItem = fc.tuple(fc.constantFrom("- [ ] ", "- [x] ", "- ", "* ", "1. "), words(1, 6), fc.array(words(1, 4), { maxLength: 2 })).map(
  ([marker, text, children]) => {
    // A sub-item is indented to its parent's text: two spaces under "- ", three under "1. ".
    const indent = marker.startsWith("1.") ? "   " : "  ";
    return [`${marker}${text}`, ...children.map((child) => `${indent}- ${child}`)].join("\n");
  },
);
const list = fc.array(listItem, { minLength: 1, maxLength: 5 }).map((items) => items.join("\n"));
const field = fc.tuple(fc.constantFrom("**Owner**", "**Window**", "**Environment**", "Version", "**Decision maker**", "**Phone**"), words(1, 3)).map(
  ([key, value]) => `${key}: ${value}`,
);
const paragraph = fc.array(fc.oneof(words(1, 8), field), { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n"));
const table = fc.tuple(
  fc.constantFrom(["Time", "Activity", "Owner"], ["Role", "Name", "Phone"], ["Risk", "Impact", "Mitigation"], ["Check", "Owner", "Done"], ["Colour", "Flavour"]),
  fc.array(fc.array(words(1, 3), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
).map(([header, rows]) => [header, header.map(() => "---"), ...rows.map((row) => row.slice(0, header.length))].map((cells) => `| ${cells.join(" | ")} |`).join("\n"));
const fence = fc.tuple(fc.constantFrom("```", "```bash", "~~~sh"), fc.array(words(1, 5), { minLength: 1, maxLength: 3 })).map(
  ([open, lines]) => `${open}\n${lines.join("\n")}\n${open.slice(0, 3)}`,
);
const quote = words(1, 6).map((text) => `> ${text}`);
const decision = fc.constantFrom("Decision: GO / NO-GO", "- [ ] Final call: **GO** / **NO-GO**", "**Decision**: [ ] GO [x] NO-GO");
const triggerIntro = fc.tuple(fc.constantFrom("Roll back if any of these happen:", "Abort when:", "We revert as soon as one of these is seen:"), list).map(
  ([sentence, items]) => `${sentence}\n\n${items}`,
);
const comment = words(1, 4).map((text) => `<!-- ${text} -->`);

/** One Markdown-like plan: blocks separated by blank lines, often under a `#` title. */
export const markdownLikePlan = fc
  .tuple(
    fc.option(words(1, 4), { nil: undefined }),
    fc.array(fc.oneof(heading, heading, list, list, paragraph, table, fence, quote, decision, triggerIntro, comment), { minLength: 1, maxLength: 14 }),
  )
  .map(([title, blocks]) => `${title === undefined ? "" : `# ${title}\n\n`}${blocks.join("\n\n")}\n`);
