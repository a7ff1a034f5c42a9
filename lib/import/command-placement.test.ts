import { afterAll, describe, expect, it } from "vitest";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { closeParsePool } from "@/lib/import/parse-pool";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { withoutLines } from "@/lib/import/test-support";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { allItems } from "@/lib/plan-document/walk";
import { previewPlanImport } from "@/lib/plans/import-plan";

afterAll(closeParsePool);

/** Each step's text with the commands it carries. */
function stepsWithCommands(document: PlanDocument): [string, string[]][] {
  return allItems(document).map((item) => [item.text, item.commands.map((command) => command.code)]);
}

describe("a command attaches to the step it follows", () => {
  it("the import preview places a command after three steps under the third", async () => {
    const markdown = [
      "# Release",
      "## Deploy",
      "- [ ] Stop workers\n- [ ] Take a backup\n- [ ] Run the migration\n```bash\n./migrate.sh\n```",
      // The same three steps as sub-steps: the fence sat in the parent's list item, and was the parent's.
      "## Database",
      "- [ ] Migrate\n  1. Stop workers\n  2. Take a backup\n  3. Run the migration\n\n  ```bash\n  ./migrate.sh --env production\n  ```",
    ].join("\n\n");
    const preview = await previewPlanImport(markdown);
    expect(stepsWithCommands(preview.document)).toEqual([
      ["Stop workers", []],
      ["Take a backup", []],
      ["Run the migration", ["./migrate.sh"]],
      ["Migrate", []],
      ["Stop workers", []],
      ["Take a backup", []],
      ["Run the migration", ["./migrate.sh --env production"]],
    ]);
    expect(preview.summary).toMatchObject({ items: 7 });
  }, 60_000);

  it("under the third of three sub-steps, not under their parent, wherever the fence is indented", () => {
    for (const fence of ["  ```bash\n  ./migrate.sh\n  ```\n", "\n  ```bash\n  ./migrate.sh\n  ```\n", "```bash\n./migrate.sh\n```\n"]) {
      const { document } = parsePlanMarkdown(`## Deploy\n- [ ] Migrate\n  - [ ] Stop workers\n  - [ ] Take a backup\n  - [ ] Run the migration\n${fence}`);
      expect(stepsWithCommands(document), JSON.stringify(fence)).toEqual([
        ["Migrate", []],
        ["Stop workers", []],
        ["Take a backup", []],
        ["Run the migration", ["./migrate.sh"]],
      ]);
    }
  });

  it("keeps a command written before the sub-steps with their parent, and gives consecutive fences to the same step", () => {
    const { document } = parsePlanMarkdown(
      "## Deploy\n1. Migrate\n   ```bash\n   ./check.sh\n   ```\n   1. Stop workers\n   2. Run the migration\n   ```bash\n   ./migrate.sh\n   ```\n   <!-- -->\n   ```bash\n   ./verify.sh\n   ```\n",
    );
    expect(stepsWithCommands(document)).toEqual([
      ["Migrate", ["./check.sh"]],
      ["Stop workers", []],
      ["Run the migration", ["./migrate.sh", "./verify.sh"]],
    ]);
  });

  it("exports and re-imports with each command still under its step", () => {
    const { document } = parsePlanMarkdown("## Deploy\n- [ ] Migrate\n  - [ ] Stop workers\n  - [ ] Run the migration\n  ```bash\n  ./migrate.sh\n  ```\n");
    expect(withoutLines(parsePlanMarkdown(exportPlanMarkdown(document)).document)).toEqual(withoutLines(document));
  });
});
