import { describe, expect, it } from "vitest";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { documentWithChecks } from "@/lib/checks/document-with-checks";
import type { PlanDocument, PlanItem } from "@/lib/plan-document/schema";

const PLAN = `# Checkout v2 release

## Deploy

- [ ] Deploy to production
- [ ] Health endpoint answers

  Depends on: Deploy to production
  Check: GET https://status.example.com/health expect 200 json /status == "ok" retries 2 auto

- [ ] Announce the release
`;

function items(document: PlanDocument): PlanItem[] {
  const all: PlanItem[] = [];
  const visit = (list: PlanItem[]) => list.forEach((item) => (all.push(item), visit(item.items)));
  const visitSections = (sections: PlanDocument["sections"]) => sections.forEach((section) => (visit(section.items), visitSections(section.sections)));
  visitSections(document.sections);
  return all;
}

const parse = (markdown: string) => parsePlanMarkdown(markdown).document;

describe("a step's check in Markdown", () => {
  it("imports from the field line under the step and exports the same line", () => {
    const document = parse(PLAN);
    const step = items(document).find((item) => item.text === "Health endpoint answers")!;
    expect(step.check).toEqual({
      method: "GET",
      url: "https://status.example.com/health",
      expectedStatus: 200,
      json: { pointer: "/status", operator: "==", value: "ok" },
      timeoutMs: 5000,
      retries: 2,
      auto: true,
    });
    expect(step.dependsOn).toEqual(["Deploy to production"]);
    const markdown = exportPlanMarkdown(document);
    expect(markdown).toContain("  Check: GET https://status.example.com/health expect 200 json /status == ok retries 2 auto");
    expect(items(parse(markdown)).find((item) => item.text === "Health endpoint answers")!.check).toEqual(step.check);
  });

  it("exports the check the step holds now: changed, added or removed since the import", () => {
    const document = parse(PLAN);
    const keyOf = (text: string) => items(document).find((item) => item.text === text)!.id;
    const current = documentWithChecks(document, {
      items: [
        { documentKey: keyOf("Health endpoint answers"), httpCheck: null },
        { documentKey: keyOf("Announce the release"), httpCheck: { method: "POST", url: "https://chat.example.com/hook", expectedStatus: 204, timeoutMs: 5000, retries: 0, auto: false } },
      ],
    });
    const markdown = exportPlanMarkdown(current);
    expect(markdown).not.toContain("status.example.com");
    expect(markdown).toContain("Check: POST https://chat.example.com/hook expect 204");
  });

  it("keeps a line that is not a valid check as the step's details", () => {
    const step = items(parse("# P\n\n## S\n\n- [ ] Ping\n\n  Check: PING https://x expect 200\n")).find((item) => item.text === "Ping")!;
    expect(step.check).toBeUndefined();
    expect(step.details).toBe("Check: PING https://x expect 200");
  });
});
