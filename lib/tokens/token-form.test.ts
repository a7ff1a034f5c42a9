import { describe, expect, it } from "vitest";
import { parseTokenForm } from "@/lib/tokens/token-form";

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

describe("the Tokens page's form", () => {
  it("narrows the token to the ticked plans, and to none when nothing is ticked", () => {
    const narrowed = parseTokenForm(form([["name", "Deploy job"], ["scope", "write"], ["expiresInDays", "30"], ["planIds", "plan-a"], ["planIds", "plan-b"]]));
    expect(narrowed).toEqual({ ok: true, input: expect.objectContaining({ name: "Deploy job", scope: "write", expiresInDays: 30, planIds: ["plan-a", "plan-b"] }) });

    const everyPlan = parseTokenForm(form([["name", "Dashboard"], ["scope", "read"], ["expiresInDays", ""]]));
    expect(everyPlan.ok && everyPlan.input.planIds).toBeUndefined();
  });

  it("refuses more plans than a token may name, as a field error", () => {
    const tooMany = parseTokenForm(form([["name", "Everything"], ["scope", "read"], ...Array.from({ length: 101 }, (_, index): [string, string] => ["planIds", `plan-${index}`])]));
    expect(tooMany).toMatchObject({ ok: false, state: { fieldErrors: { planIds: "A token can name at most 100 plans." } } });
  });
});
