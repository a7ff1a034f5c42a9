import { LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

interface Recorded {
  event: { event: { type: string; section?: { id: string }; item?: { id: string; version: number } } };
  shareToken?: string;
}

/**
 * A share-link visitor's checklist follows the plan's shape as the lead edits it (sections and
 * steps added, renamed, moved, removed), without a reload, and shows no more than a share link
 * shows: step notes stay out.
 */
test("a share-link visitor sees sections and steps added, renamed, moved and removed, live", async ({ apiAs, browser, createPlan }) => {
  const title = `Shared structure ${uniqueSuffix()}`;
  const plan = await createPlan({ markdown: `# ${title}\n\n## Prepare\n- [ ] Backup taken\n- [ ] Announce the window\n` });
  const lead = await apiAs(LEAD.email);
  const post = async (change: Record<string, unknown>): Promise<Recorded> => {
    const answer = await lead.request.post(`/api/plans/${plan.id}/changes`, { data: change });
    expect(answer.status(), `${JSON.stringify(change)} → ${await answer.text()}`).toBe(201);
    return (await answer.json()) as Recorded;
  };
  const { shareToken } = await post({ type: "share.create" });
  expect(shareToken).toBeTruthy();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/share/${shareToken}`);
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByText("● live")).toBeVisible();
  const checklist = visitor.getByRole("region", { name: "Checklist" });
  const shared = (text: string) => checklist.getByTestId("shared-item").filter({ hasText: text });
  await expect(checklist.getByTestId("shared-item")).toHaveCount(2);
  // Set in this document only: still there at the end means the page was never reloaded.
  await visitor.evaluate(() => Object.assign(window, { sameDocument: true }));

  // Added: a section with a step (its notes are the team's, not the link's).
  const verify = (await post({ type: "section.add", title: "Verify" })).event.event.section!.id;
  const added = (await post({ type: "item.add", sectionId: verify, text: "Smoke tests green", notes: "Runbook: ask Sam for the staging password" })).event.event.item!;
  await expect(checklist.getByRole("heading", { name: "Verify" })).toBeVisible();
  await expect(shared("Smoke tests green")).toHaveAttribute("data-status", "PENDING");
  await expect(visitor.getByTestId("screen-progress")).toHaveText("0%");
  await expect(visitor.getByText("staging password")).toHaveCount(0);

  // Renamed: the section and the step.
  const live = async () => (await (await lead.request.get(`/api/plans/${plan.id}/live`)).json()) as { state: { sectionVersions: Record<string, number> } };
  await post({ type: "section.edit", sectionId: verify, expectedVersion: (await live()).state.sectionVersions[verify], title: "Verification" });
  const reworded = (await post({ type: "item.edit", itemId: added.id, expectedVersion: added.version, text: "Smoke tests and canary green" })).event.event.item!;
  await expect(checklist.getByRole("heading", { name: "Verification" })).toBeVisible();
  await expect(shared("Smoke tests and canary green")).toBeVisible();

  // Moved: to the top of the first section.
  const prepare = await plan.sectionId("Prepare");
  const moved = (await post({ type: "item.move", itemId: added.id, expectedVersion: reworded.version, sectionId: prepare, afterItemId: null })).event.event.item!;
  await expect(checklist.getByRole("heading", { name: "Verification" })).toHaveCount(0);
  await expect(checklist.getByTestId("shared-item").first()).toContainText("Smoke tests and canary green");

  // Removed.
  await post({ type: "item.remove", itemId: added.id, expectedVersion: moved.version });
  await expect(shared("Smoke tests and canary green")).toHaveCount(0);
  await expect(checklist.getByTestId("shared-item")).toHaveCount(2);

  expect(await visitor.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await visitorContext.close();
});
