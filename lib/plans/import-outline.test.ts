import { describe, expect, it } from "vitest";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { outlineExtrasOf, outlineOf } from "@/lib/plans/import-outline";

const fence = "```";
const markdown = `# Checkout release

**Environment**: Production
**Window**: 2026-12-10 22:00 UTC
**Window length**: 90 min
**Deploy Lead**: Lee Deploy (lead@example.com)
**Change Ticket**: CHG-4821

## Deploy
${fence}bash
./scripts/freeze.sh
${fence}
- [ ] Drain the queue
- [ ] Stop the workers
- [ ] Apply the migration
${fence}bash
./scripts/migrate.sh --env production
${fence}

## Rollback Plan

### Rollback Triggers
- Error rate above 5% for five minutes

## Escalation Contacts
| Order | Role | Name | Email | Phone |
|---|---|---|---|---|
| 1 | Deploy Lead | Lee Deploy | lead@example.com | +1 555 0100 |

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____
`;

describe("the import preview", () => {
  const { document } = parsePlanMarkdown(markdown);
  const deploy = outlineOf(document).find((section) => section.title === "Deploy")!;

  it("places a command that follows three steps under the third, and one before the steps under the section", () => {
    expect(deploy.steps.map((step) => step.text)).toEqual(["Drain the queue", "Stop the workers", "Apply the migration"]);
    expect(deploy.steps.map((step) => step.commands.map((command) => command.code.trim()))).toEqual([[], [], ["./scripts/migrate.sh --env production"]]);
    expect(deploy.sectionCommands.map((command) => command.code.trim())).toEqual(["./scripts/freeze.sh"]);
    // Which source line became what.
    expect(deploy.steps[2]).toMatchObject({ line: 15, commands: [{ language: "bash", line: 16 }] });
  });

  it("shows the header's plan fields, the tables, the gates and the rollback triggers", () => {
    const extras = outlineExtrasOf(document);
    expect(extras.header).toEqual({ environment: "Production", window: "2026-12-10 22:00 UTC", lengthMinutes: 90, lead: "Lee Deploy (lead@example.com)", changeTicket: "CHG-4821" });
    expect(extras.tables).toMatchObject([{ kind: "contacts", header: ["Role", "Name", "Email", "Phone"], rows: [["Deploy Lead", "Lee Deploy", "lead@example.com", "+1 555 0100"]], more: 0 }]);
    expect(extras.gates).toMatchObject([{ kind: "pre-deployment", roles: ["QA Lead"] }]);
    expect(extras.triggers.map((trigger) => trigger.text)).toEqual(["Error rate above 5% for five minutes"]);
  });
});
