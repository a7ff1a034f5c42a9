/**
 * Documents built to make a parser slow: the inputs that froze the server before the regexes
 * were made linear (issue 10), and a 100 KB run of each character Markdown gives a meaning
 * to. Shared by the test (adversarial-inputs.test.ts) and `npm run bench:import:adversarial`.
 */

export const RUN_BYTES = 100 * 1024;

/** Characters with a meaning in Markdown or in the importer's own patterns, and white space. */
export const SPECIAL_CHARACTERS = [
  "[", "]", "\\", "*", "_", "`", "|", "#", "-", "{", "}", "<", ">", "!", "(", ")", "~", ":",
  " ", "\t", "\n", "+", "=", "&", "^", "$", "%", "@", '"', "'", ".", ",", ";", "?", "/", "0", "T", "€",
] as const;

export interface AdversarialInput {
  name: string;
  text: string;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export function adversarialInputs(runBytes = RUN_BYTES): AdversarialInput[] {
  return [
    { name: "footnote label: [^ and 50 backslashes", text: `[^${"\\".repeat(50)}\n\n- [ ] step\n` },
    { name: "footnote label: [^ and 100 KB of backslashes", text: `[^${"\\".repeat(runBytes)}\n` },
    { name: "front matter status: [x] a [x] a …", text: `---\nstatus: ${repeatTo("[x] a ", runBytes)}[\n---\n\n- [ ] step\n` },
    { name: "item with 64 000 spaces", text: `- [ ] a${" ".repeat(64_000)}b\n` },
    { name: "item with 64 000 spaces before < 5", text: `- [ ] a${" ".repeat(64_000)}x< 5 ms\n` },
    { name: "item: (if (if (if …", text: `- [ ] ${repeatTo("(if ", runBytes)}\n` },
    { name: "item: — done by x … (state suffix)", text: `- [ ] a${repeatTo(" — done; note: x", runBytes)}\nb\n` },
    { name: "item: — **failed**; measured: 1 x … (state suffix with unit)", text: `- [ ] a${repeatTo(" — **failed**; measured: 1 x", runBytes)}\nb\n` },
    { name: "item: ~~ and — **skipped** …", text: `- [ ] ~~a${repeatTo("~~ — **skipped** by ~~", runBytes)}\n` },
    { name: "item: expected: expected: …", text: `- [ ] ${repeatTo("expected:", runBytes)}\nb\n` },
    { name: "contact: a run of letters", text: `## Contacts\n- DBA: ${repeatTo("a", runBytes)}\n` },
    { name: "sign-off: date: date: …", text: `## Sign-off\n- Tech Lead: ${repeatTo("date:", runBytes)}\nx\n` },
    { name: "placeholder: {{a and spaces", text: `- [ ] {{a${" ".repeat(runBytes)}\n` },
    { name: "heading ending in spaces and x", text: `# T\n## a${" ".repeat(runBytes)}x\n- [ ] y\n` },
    { name: "quotes nested 5 000 deep", text: `${">".repeat(5000)} a\n- [ ] y\n` },
    { name: "![ repeated", text: repeatTo("![", runBytes) },
    ...SPECIAL_CHARACTERS.map((character) => ({ name: `100 KB of ${JSON.stringify(character)}`, text: repeatTo(character, runBytes) })),
  ];
}
