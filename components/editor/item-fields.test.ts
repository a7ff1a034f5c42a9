import { describe, expect, it } from "vitest";
import { changedItemFields, formValuesOf, parseItemForm, type ItemFormValues } from "@/components/editor/item-fields";
import type { ItemFields } from "@/components/editor/editor-types";

const base: ItemFields = { text: "Run the migration", notes: "", commands: [{ language: "bash", code: "./migrate.sh" }], required: true, critical: false, metric: null };

describe("parseItemForm", () => {
  it("trims, drops empty command blocks and reads the metric target as a number", () => {
    const values: ItemFormValues = {
      ...formValuesOf(base),
      text: "  Check errors ",
      commands: [{ language: " ", code: "curl /health" }, { language: "bash", code: "   " }],
      metric: { label: "Error rate", unit: "%", comparator: "<", target: "0,5" },
    };
    expect(parseItemForm(values)).toEqual({
      ok: true,
      fields: { text: "Check errors", notes: "", commands: [{ code: "curl /health" }], required: true, critical: false, metric: { label: "Error rate", unit: "%", comparator: "<", target: 0.5 } },
    });
  });

  it("names the field at fault", () => {
    expect(parseItemForm({ ...formValuesOf(base), text: "  " })).toMatchObject({ ok: false, field: "text" });
    expect(parseItemForm({ ...formValuesOf(base), text: "x".repeat(501) })).toMatchObject({ ok: false, field: "text" });
    expect(parseItemForm({ ...formValuesOf(base), metric: { label: "Latency", unit: "ms", comparator: "<", target: "fast" } })).toMatchObject({ ok: false, field: "metric" });
    expect(parseItemForm({ ...formValuesOf(base), metric: { label: "Latency", unit: "ms", comparator: "~", target: "3" } })).toMatchObject({ ok: false, field: "metric" });
  });
});

describe("changedItemFields", () => {
  it("sends only what changed", () => {
    expect(changedItemFields(base, base)).toEqual({});
    expect(changedItemFields(base, { ...base, text: "Run it", critical: true })).toEqual({ text: "Run it", critical: true });
    expect(changedItemFields(base, { ...base, commands: [] })).toEqual({ commands: [] });
    expect(changedItemFields({ ...base, metric: { label: "p95", unit: "ms", comparator: "<", target: 300 } }, base)).toEqual({ metric: null });
  });
});
