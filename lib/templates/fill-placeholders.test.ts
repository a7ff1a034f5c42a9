import { describe, expect, it } from "vitest";
import { fillPlaceholders, placeholderLabel, placeholdersIn, toSlug, unfilledPlaceholders } from "@/lib/templates/fill-placeholders";

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

describe("placeholder filters", () => {
  it("slugs a value for commands and host names", () => {
    expect(fillPlaceholders("deployment/{{service|slug}} https://{{ Service | slug }}.example.com", { service: "  Payments API " })).toBe(
      "deployment/payments-api https://payments-api.example.com",
    );
    expect(toSlug("Zahlungs Dienst (EU) — Ü")).toBe("zahlungs-dienst-eu-u");
  });

  it("counts a filtered placeholder as a use of its name", () => {
    expect(placeholdersIn("{{service|slug}} {{Service}} {{previous_version}}")).toEqual(["service", "previous_version"]);
  });

  it("leaves an unknown filter, or a value with nothing to slug, as a placeholder that is reported", () => {
    const filled = fillPlaceholders("{{service|upper}} {{service|slug}}", { service: "日本" });
    expect(filled).toBe("{{service|upper}} {{service|slug}}");
    expect(unfilledPlaceholders(filled)).toEqual(["{{service|upper}}", "{{service|slug}}"]);
  });

  it("does not count braces that are a command's own", () => {
    expect(unfilledPlaceholders("docker inspect --format '{{.State.Status}}' {{ }} {{previous_version}}")).toEqual(["{{previous_version}}"]);
  });

  it("labels a placeholder for a form", () => {
    expect(placeholderLabel("previous_version")).toBe("Previous version");
  });
});
