import { describe, expect, it } from "vitest";
import { dateRangeOf, hasActiveFilters, parseDashboardFilters } from "@/lib/dashboard/dashboard-filters";

describe("parseDashboardFilters", () => {
  it("keeps valid values and treats empty ones as no filter", () => {
    const { filters, problems } = parseDashboardFilters({ environment: " production ", status: "COMPLETE", lead: "", from: "2026-01-01", to: "2026-01-31" });
    expect(filters).toEqual({ environment: "production", status: "COMPLETE", from: "2026-01-01", to: "2026-01-31" });
    expect(problems).toEqual([]);
  });

  it("reports and ignores a bad value while the others still apply", () => {
    const { filters, problems } = parseDashboardFilters({ status: "FINISHED", from: "2026-02-30", environment: "staging" });
    expect(filters).toEqual({ environment: "staging" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("Status “FINISHED” is not a plan status");
    expect(problems[1]).toContain("From “2026-02-30” is not a real calendar date");
  });

  it("refuses dates that are not YYYY-MM-DD", () => {
    expect(parseDashboardFilters({ to: "31/01/2026" }).problems[0]).toContain("use YYYY-MM-DD");
  });

  it("drops a range that ends before it starts", () => {
    const { filters, problems } = parseDashboardFilters({ from: "2026-03-01", to: "2026-02-01" });
    expect(filters).toEqual({});
    expect(problems[0]).toContain("ends (2026-02-01) before it starts (2026-03-01)");
  });

  it("takes the first of repeated parameters and ignores unknown ones", () => {
    expect(parseDashboardFilters({ environment: ["qa", "production"], page: "2" }).filters).toEqual({ environment: "qa" });
  });

  it("refuses overlong text", () => {
    expect(parseDashboardFilters({ lead: "x".repeat(200) }).problems[0]).toContain("longer than 120 characters");
  });
});

describe("dateRangeOf", () => {
  it("covers whole UTC days, the end day included", () => {
    expect(dateRangeOf({ from: "2026-01-01", to: "2026-01-31" })).toEqual({
      from: new Date("2026-01-01T00:00:00.000Z"),
      until: new Date("2026-02-01T00:00:00.000Z"),
    });
    expect(dateRangeOf({ to: "2026-01-31" })).toEqual({ from: undefined, until: new Date("2026-02-01T00:00:00.000Z") });
    expect(dateRangeOf({ environment: "qa" })).toBeNull();
  });

  it("knows when anything is filtered", () => {
    expect(hasActiveFilters({})).toBe(false);
    expect(hasActiveFilters({ lead: "Ada" })).toBe(true);
  });
});
