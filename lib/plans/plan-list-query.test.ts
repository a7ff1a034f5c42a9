import { describe, expect, it } from "vitest";
import { PLAN_SEARCH_MAX, parsePlanListQuery, searchTerms } from "@/lib/plans/plan-list-query";

describe("parsePlanListQuery", () => {
  it("reads the search and environment from the URL, trimmed", () => {
    expect(parsePlanListQuery({ q: "  billing 4.2 ", env: " staging " })).toEqual({ search: "billing 4.2", environment: "staging" });
  });

  it("reads no parameters, or empty ones, as no filter", () => {
    expect(parsePlanListQuery({})).toEqual({ search: "", environment: null });
    expect(parsePlanListQuery({ q: "", env: "  " })).toEqual({ search: "", environment: null });
  });

  it("takes the first of repeated parameters and cuts an overlong search", () => {
    expect(parsePlanListQuery({ q: ["first", "second"], env: ["prod", "staging"] })).toEqual({ search: "first", environment: "prod" });
    expect(parsePlanListQuery({ q: "x".repeat(5000) }).search).toHaveLength(PLAN_SEARCH_MAX);
  });
});

describe("searchTerms", () => {
  it("splits on white space and keeps at most eight words", () => {
    expect(searchTerms(" CHG-1  billing\tprod ")).toEqual(["CHG-1", "billing", "prod"]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
    expect(searchTerms("")).toEqual([]);
  });
});
