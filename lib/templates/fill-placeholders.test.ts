import { describe, expect, it } from "vitest";
import { fillPlaceholders, placeholdersIn } from "@/lib/templates/fill-placeholders";

describe("fillPlaceholders", () => {
  it("fills known placeholders, matching names loosely", () => {
    expect(fillPlaceholders("Deploy {{feature}} {{ Version }} by {{Deploy Lead}}", { feature: "Billing", version: "2.1", deploy_lead: "Lee" })).toBe(
      "Deploy Billing 2.1 by Lee",
    );
  });

  it("leaves placeholders without a value untouched", () => {
    expect(fillPlaceholders("{{feature}} to {{environment}}", { feature: "Billing", environment: "  " })).toBe("Billing to {{environment}}");
  });

  it("lists the placeholders a text uses", () => {
    expect(placeholdersIn("{{feature}} {{Version}} {{feature}} {{deploy-lead}}")).toEqual(["feature", "version", "deploy_lead"]);
  });
});
