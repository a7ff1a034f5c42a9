import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { allItems } from "@/lib/plan-document/walk";
import { builtinTemplates } from "@/lib/templates/builtin-templates";
import { fillTemplateForPlan, templateOwnFields } from "@/lib/templates/create-plan-from-template";
import { readableTemplateDescription, readableTemplateName } from "@/lib/templates/readable-name";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { newPlanFromTemplateSchema } from "@/lib/validations/new-plan";

const input = { feature: "Payments API", version: "2.4.0", environment: "Production EU", deployLead: "Dana Lee", placeholders: { previous_version: "2.3.1" } };

function commandsOf(document: PlanDocument): string[] {
  return allItems(document).flatMap((item) => item.commands.map((command) => command.code));
}

describe("filling the built-in templates", () => {
  it("gives commands with no space in the slugged places and no {{ anywhere, for a multi-word service", async () => {
    for (const template of await builtinTemplates()) {
      const filled = fillTemplateForPlan(template.document, input);
      expect(JSON.stringify(filled), template.id).not.toContain("{{");
      const commands = commandsOf(filled).join("\n");
      expect(commands, template.id).not.toMatch(/Payments API|Production EU/);
      expect(commands, template.id).toMatch(/payments-api/);
    }
    const release = (await builtinTemplates()).find((template) => template.id === "builtin-production-release");
    const commands = commandsOf(fillTemplateForPlan(release!.document, input)).join("\n");
    expect(commands).toContain("kubectl -n production-eu set image deployment/payments-api app=registry.example.com/payments-api:2.4.0");
    expect(commands).toContain("curl -fsS https://payments-api.example.com/api/health");
    // Prose keeps the name as the team writes it.
    expect(fillTemplateForPlan(release!.document, input).title).toBe("Production release: Payments API 2.4.0");
  });

  it("asks for every placeholder the fixed fields do not cover", async () => {
    const templates = await builtinTemplates();
    const fieldsOf = (id: string) => templateOwnFields(templates.find((template) => template.id === id)!.document);
    expect(fieldsOf("builtin-production-release")).toEqual([{ name: "previous_version", label: "Previous version" }]);
    expect(fieldsOf("builtin-emergency-hotfix")).toEqual([{ name: "previous_version", label: "Previous version" }]);
    expect(fieldsOf("builtin-canary-rollout")).toEqual([]);
  });

  it("asks for a placeholder even when its name is an object property's", () => {
    const { document } = parsePlanMarkdown("# T\n\n## Steps\n- [ ] Check {{constructor}} and {{window_start}}\n");
    expect(templateOwnFields(document)).toEqual([{ name: "constructor", label: "Constructor" }]);
  });

  it("limits the template's own values", () => {
    const base = { templateId: "builtin-production-release", feature: "Payments API", version: "2.4.0", environment: "production" };
    expect(newPlanFromTemplateSchema.safeParse({ ...base, placeholders: { previous_version: "2.3.1" } }).success).toBe(true);
    expect(newPlanFromTemplateSchema.safeParse({ ...base, placeholders: { previous_version: "x".repeat(201) } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`p${index}`, "x"]));
    expect(newPlanFromTemplateSchema.safeParse({ ...base, placeholders: many }).success).toBe(false);
  });

  it("refuses (422) to leave a placeholder literal, naming it", async () => {
    const release = (await builtinTemplates()).find((template) => template.id === "builtin-production-release")!;
    let refusal: unknown;
    try {
      fillTemplateForPlan(release.document, { ...input, placeholders: {} });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(422);
    expect((refusal as AppError).message).toContain("{{previous_version}}");
    expect((refusal as AppError).details).toMatchObject({ names: ["previous_version"] });
  });

  it("names templates readably", async () => {
    expect(readableTemplateName("Production release: {{feature}} {{version}}")).toBe("Production release");
    expect(readableTemplateName("{{feature}}")).toBe("‹feature›");
    expect(readableTemplateDescription("\nA release of {{feature}} to {{environment}}.\nMore.")).toBe("A release of ‹feature› to ‹environment›.");
    for (const template of await builtinTemplates()) expect(readableTemplateName(template.document.title)).not.toContain("{{");
  });
});
