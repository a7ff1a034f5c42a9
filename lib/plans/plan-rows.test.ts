import { describe, expect, it } from "vitest";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { gateRows, planColumnsOf, sectionAndItemRows } from "@/lib/plans/plan-rows";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";

const MARKDOWN = `# Billing 3.1 release

**Environment**: production
**Version**: 3.1.0
**Deployment Strategy**: Blue-green
**Deploy Lead**: _____

## Preparation (T-1h)
- [x] Backup taken
- [ ] Smoke tests ready
  - [ ] Login flow
- [ ] Notify support (optional)

### Database
- [ ] Migration rehearsed

## Rollback

### Rollback Procedure
- [ ] Switch traffic back

## Sign-Off
- [ ] Tech Lead: ____ Date: ____
- [ ] QA Lead: ____ Date: ____
`;

let counter = 0;
const ids = () => `id${++counter}`;

describe("plan rows", () => {
  const { document } = parsePlanMarkdown(MARKDOWN);

  it("copies the metadata the lists filter on, treating blanks as unset", () => {
    expect(planColumnsOf(document)).toMatchObject({
      title: "Billing 3.1 release",
      environment: "production",
      version: "3.1.0",
      strategy: "BLUE_GREEN",
      deployLead: null,
    });
  });

  it("projects sections and items in document order, parents before children, with import state", () => {
    counter = 0;
    const { sections, items } = sectionAndItemRows(document, ids);
    const titles = sections.map((section) => section.title);
    expect(titles).toEqual(expect.arrayContaining(["Preparation", "Database", "Rollback", "Rollback Procedure", "Sign-Off"]));
    const preparation = sections.find((section) => section.title === "Preparation")!;
    expect(preparation).toMatchObject({ offsetLabel: expect.stringContaining("T-1h"), offsetMinutes: -60 });
    const database = sections.find((section) => section.title === "Database")!;
    expect(database.parentId).toBe(preparation.id);
    expect(sections.find((section) => section.title === "Rollback Procedure")!.isRollback).toBe(true);
    expect(preparation.isRollback).toBe(false);

    const backup = items.find((item) => item.text.startsWith("Backup taken"))!;
    expect(backup).toMatchObject({ status: "DONE", statusByName: "import", sectionId: preparation.id });
    const login = items.find((item) => item.text === "Login flow")!;
    expect(login.parentId).toBe(items.find((item) => item.text === "Smoke tests ready")!.id);
    expect(items.find((item) => item.text.startsWith("Notify support"))!.required).toBe(false);
    expect(items.map((item) => item.position)).toEqual(items.map((_, index) => index));
    expect(sections.map((section) => section.position)).toEqual(sections.map((_, index) => index));
  });

  it("turns sign-off blocks into gates with one title per role", () => {
    const gates = gateRows(document, ids);
    expect(gates).toHaveLength(1);
    expect(gates[0]!.roles.map((role) => role.title)).toEqual(["Tech Lead", "QA Lead"]);
  });

  it("derives what each gate holds back: a closing sign-off holds back Complete", () => {
    expect(gateRows(document, ids)[0]!.blocks).toBe("COMPLETE");
    const imported = parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document;
    expect(gateRows(imported, ids).map((gate) => [gate.kind, gate.blocks])).toEqual([
      ["GO_NO_GO", "START"],
      ["PRE_DEPLOYMENT", "START"],
    ]);
  });
});
