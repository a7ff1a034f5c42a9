import { describe, expect, it } from "vitest";
import { templateNameFromMeta, templateNameMeta } from "@/lib/import/comms-templates";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { editDocumentPart } from "@/lib/document-parts/edit-document-parts";
import { partHash } from "@/lib/document-parts/part-hash";

const PLAN = `# Payments rollout

## Deploy
- [ ] Roll out

## Communication
\`\`\`text
Subject: Starting

We start now.
\`\`\`
`;

describe("message names in the export", () => {
  it("reads back each message's own name, and leaves a name that follows its section unmarked", () => {
    let document = parsePlanMarkdown(PLAN).document;
    const first = document.commsTemplates[0]!;
    document = editDocumentPart(document, { type: "comms.edit", templateId: first.id, expectedHash: partHash(first), name: "Kick-off for the \"payments\" team & support" }, "DRAFT").document;
    document = editDocumentPart(document, { type: "comms.add", name: "All clear 100% `done`", body: "Finished at {{time}}." }, "DRAFT").document;
    document = editDocumentPart(document, { type: "comms.add", name: "Communication (3)", body: "Third." }, "DRAFT").document;
    const markdown = exportPlanMarkdown(document);
    expect(markdown).toContain('```text title="Kick-off for the %22payments%22 team %26 support"');
    expect(markdown).toContain("```text\nThird.");
    const reimported = parsePlanMarkdown(markdown).document;
    expect(reimported.commsTemplates.map((template) => template.name)).toEqual(["Kick-off for the \"payments\" team & support", "All clear 100% `done`", "Communication (3)"]);
    expect(exportPlanMarkdown(reimported)).toBe(markdown);
  });

  it("encodes what Markdown would read in an info string, and decodes it back", () => {
    for (const name of ["Plain", 'Quote " and \\ backslash', "Tick ` & amp; %41", "line\nbreak"]) {
      expect(templateNameFromMeta(templateNameMeta(name))).toBe(name.trim());
    }
    expect(templateNameMeta('a"b')).toBe('title="a%22b"');
  });

  it("ignores an info string that is not a name, or a broken one", () => {
    expect(templateNameFromMeta(undefined)).toBeUndefined();
    expect(templateNameFromMeta('lang="en"')).toBeUndefined();
    expect(templateNameFromMeta('title="%E0%A4%A"')).toBeUndefined();
    expect(templateNameFromMeta('title=""')).toBeUndefined();
    expect(templateNameFromMeta('title="')).toBeUndefined();
  });

  it("reads a 100 KB info string at once", () => {
    const worst = `title="${"%".repeat(50_000)}${"\"".repeat(50_000)}`;
    expect(templateNameFromMeta(worst)).toBeUndefined();
    expect(templateNameFromMeta(`title="${"a".repeat(100_000)}"`)).toHaveLength(200);
  });
});
