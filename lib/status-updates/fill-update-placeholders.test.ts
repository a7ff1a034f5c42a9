import { describe, expect, it } from "vitest";
import { documentPlaceholderValues, fillUpdatePlaceholders, progressText, type UpdateFacts } from "@/lib/status-updates/fill-update-placeholders";

const running: UpdateFacts = {
  status: "IN_PROGRESS",
  progress: { settled: 12, total: 30 },
  phase: "Phase 2: Deploy",
  eta: "14:30 Europe/Berlin",
  downtime: "in progress since 14:05 Europe/Berlin",
};

describe("fillUpdatePlaceholders", () => {
  it("fills the run's placeholders from the live state", () => {
    const text = fillUpdatePlaceholders("Status: {{status}}. {{progress}} done, now in {{phase}}. ETA {{eta}}; downtime {{downtime}}.", running, {});
    expect(text).toBe("Status: In progress. 12 of 30 steps (40%) done, now in Phase 2: Deploy. ETA 14:30 Europe/Berlin; downtime in progress since 14:05 Europe/Berlin.");
  });

  it("fills the document's own placeholders, names matched as the templates match them", () => {
    const values = documentPlaceholderValues({
      title: "Payments v2.4",
      metadata: { service: "Payments API", version: "2.4.0", deployLead: "Lee", window: {}, extra: [{ key: "Status page", value: "status.example.com" }] },
    });
    expect(fillUpdatePlaceholders("{{Service}} {{version}} by {{deploy lead}} — see {{status_page}} ({{service|slug}})", running, values)).toBe(
      "Payments API 2.4.0 by Lee — see status.example.com (payments-api)",
    );
  });

  it("lets the run's values win over a document field of the same name", () => {
    expect(fillUpdatePlaceholders("{{status}}", running, { status: "Draft from the document" })).toBe("In progress");
  });

  it("says what is unknown instead of leaving a blank, and keeps placeholders it has no value for", () => {
    const idle: UpdateFacts = { status: "SCHEDULED", progress: { settled: 0, total: 0 }, phase: null, eta: null, downtime: null };
    expect(fillUpdatePlaceholders("{{progress}} / {{phase}} / {{eta}} / {{downtime}} / {{ticket}}", idle, {})).toBe("no steps to count / none / not known / none / {{ticket}}");
  });

  it("writes progress as people read it", () => {
    expect(progressText({ settled: 1, total: 1 })).toBe("1 of 1 step (100%)");
    expect(progressText({ settled: 2, total: 3 })).toBe("2 of 3 steps (66%)");
  });

  it("fills 100 KB of hostile text in linear time", () => {
    const hostile = [`{{${" ".repeat(100_000)}`, "{{a".repeat(33_000), "{".repeat(100_000), `{{progress${" ".repeat(100_000)}|`, "{{progress}}".repeat(8_000)];
    for (const text of hostile) {
      const started = performance.now();
      fillUpdatePlaceholders(text, running, {});
      // Linear work on 100 KB takes milliseconds; quadratic backtracking takes many seconds. The bound leaves room for a busy machine.
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
