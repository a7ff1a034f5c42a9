import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { LEAD } from "./support/accounts";
import { storageStatePath } from "./support/api-sign-in";
import { seedDocument, seedDocumentsPresent } from "./support/seed-docs";

// Each test creates the plan it looks at; the lead's session comes from auth.setup.ts.
test.use({ storageState: storageStatePath(LEAD.email) });

interface UploadCase {
  file: string;
  title: string;
  fileName: string;
  counts: { sections: string; items: string; commands: string; signoffRoles: string };
  sectionTitle: string;
  item: string;
}

// The project's own runbook always; the users' seed plan 001 as well when ../shared/seed-docs is beside the checkout.
const uploads: UploadCase[] = [
  {
    file: path.resolve("lib/import/fixtures/release-runbook.md"),
    title: "Ledger Service Release Runbook",
    fileName: "ledger-service-release-runbook.md",
    counts: { sections: "29", items: "26", commands: "8", signoffRoles: "3" },
    sectionTitle: "Pre-Release Checks",
    item: "Migration rehearsed on a copy of production",
  },
  ...(seedDocumentsPresent()
    ? [
        {
          file: seedDocument("001_6dcde4bc63a31b6d.txt"),
          title: "Production Deployment Plan",
          fileName: "production-deployment-plan.md",
          counts: { sections: "45", items: "109", commands: "21", signoffRoles: "4" },
          sectionTitle: "Pre-Deployment Checklist",
          item: "All migrations tested on staging",
        },
      ]
    : []),
];

for (const upload of uploads) {
  test(`upload ${path.basename(upload.file)}, check the preview, create the plan, open it and download its Markdown`, async ({ page }) => {
    await page.goto("/plans");
    await page.getByRole("link", { name: "Import a plan" }).click();
    await expect(page).toHaveURL(/\/plans\/import$/);

    await page.getByLabel("Upload a Markdown file").setInputFiles(upload.file);
    await page.getByRole("button", { name: "Preview import" }).click();

    await expect(page.getByText("Preview: nothing is saved yet")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: upload.title })).toBeVisible();
    const count = (key: string) => page.getByTestId(`count-${key}`).locator("dd");
    await expect(count("sections")).toHaveText(upload.counts.sections);
    await expect(count("items")).toHaveText(upload.counts.items);
    await expect(count("commands")).toHaveText(upload.counts.commands);
    await expect(count("signoffRoles")).toHaveText(upload.counts.signoffRoles);
    await expect(page.getByRole("list", { name: "Parsed sections" })).toContainText(upload.sectionTitle);

    await page.getByRole("button", { name: "Create plan" }).click();
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1, name: upload.title })).toBeVisible();
    await expect(page.getByText(upload.item)).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Overall progress" })).toBeVisible();

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export Markdown" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(upload.fileName);
    const markdown = await readFile((await download.path())!, "utf8");
    expect(markdown).toContain(`# ${upload.title}`);
    expect(markdown).toContain(`- [ ] ${upload.item}`);
  });
}

test("bad input gets a clear message and nothing is created", async ({ page }) => {
  await page.goto("/plans/import");
  await page.getByLabel("…or paste it").fill("Just a sentence about deployments, with no checklist at all.");
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /checklist/i })).toBeVisible();
});

test("a new plan from a built-in template fills in the fields that vary", async ({ page }) => {
  await page.goto("/plans");
  await page.getByRole("link", { name: "Templates", exact: true }).click();
  await page.getByRole("link", { name: /Use template: Production release/ }).click();
  await page.getByLabel("Feature or service").fill("Billing");
  await page.getByLabel("Version or release").fill("9.9.1");
  await page.getByLabel("Environment").fill("staging");
  // The template rolls back to {{previous_version}}: the form asks for it and refuses to leave it empty.
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByText(/still empty: \{\{previous_version\}\}/)).toBeVisible();
  await page.getByLabel("Previous version").fill("9.9.0");
  await page.getByRole("button", { name: "Create plan" }).click();

  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Production release: Billing 9.9.1" })).toBeVisible();
  await expect(page.getByText("Staging has run 9.9.1 for at least one business day")).toBeVisible();
  await expect(page.getByText("kubectl -n staging set image deployment/billing").first()).toBeVisible();
});

test("the preview shows content: each command under the step it follows, the header's plan fields, and what was kept as notes; the fields reach the plan", async ({ page }) => {
  const fence = "```";
  const title = `Checkout release ${Date.now()}`;
  const markdown = [
    `# ${title}`,
    "",
    "**Environment**: Production",
    "**Window**: 2031-03-04 22:00 UTC",
    "**Window length**: 90 min",
    `**Deploy Lead**: ${LEAD.name} (${LEAD.email})`,
    "**Change Ticket**: CHG-4821",
    "",
    "## Deploy",
    "- [ ] Drain the queue",
    "- [ ] Stop the workers",
    "- [ ] Apply the migration",
    `${fence}bash`,
    "./scripts/migrate.sh --env production",
    fence,
    "",
    "<div>raw html the importer does not read</div>",
  ].join("\n");
  await page.goto("/plans/import");
  await page.getByLabel("…or paste it").fill(markdown);
  await page.getByRole("button", { name: "Preview import" }).click();

  const steps = page.getByTestId("preview-step");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(2).getByTestId("preview-command")).toContainText("./scripts/migrate.sh --env production");
  await expect(steps.nth(0).getByTestId("preview-command")).toHaveCount(0);
  const fields = page.getByRole("definition").and(page.locator("[data-field]"));
  await expect(fields.and(page.locator('[data-field="Environment"]'))).toHaveText("Production");
  await expect(fields.and(page.locator('[data-field="Window length"]'))).toHaveText("90 min");
  await expect(fields.and(page.locator('[data-field="Change ticket"]'))).toHaveText("CHG-4821");
  await expect(page.getByTestId("kept-as-notes")).toContainText("Kept as notes");

  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("plan-facts")).toContainText(`Lead: ${LEAD.name}`);
  await expect(page.getByTestId("plan-facts")).toContainText("Change ticket: CHG-4821");
  await expect(page.getByTestId("plan-facts")).toContainText("(90 min)");
});
