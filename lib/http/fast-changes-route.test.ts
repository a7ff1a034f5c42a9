import { describe, expect, it } from "vitest";
import { fastChangesPlanId } from "@/lib/http/fast-changes-route";

describe("fastChangesPlanId", () => {
  it("takes exactly POST /api/plans/<id>/changes", () => {
    expect(fastChangesPlanId("POST", "/api/plans/cm123/changes")).toBe("cm123");
    expect(fastChangesPlanId("POST", "/api/plans/cm123/changes?x=1")).toBe("cm123");
    expect(fastChangesPlanId("POST", "/api/plans/a%20b/changes")).toBe("a b");
  });

  it("leaves everything else to Next", () => {
    expect(fastChangesPlanId("GET", "/api/plans/cm123/changes")).toBeNull();
    expect(fastChangesPlanId("POST", "/api/plans/cm123/changes/")).toBeNull();
    expect(fastChangesPlanId("POST", "/api/plans//changes")).toBeNull();
    expect(fastChangesPlanId("POST", "/api/plans/a/b/changes")).toBeNull();
    expect(fastChangesPlanId("POST", "/api/plans/cm123/webhooks")).toBeNull();
    expect(fastChangesPlanId("POST", "/x/api/plans/cm123/changes")).toBeNull();
    expect(fastChangesPlanId("POST", "/api/plans/changes")).toBeNull();
    expect(fastChangesPlanId("POST", "/api/plans/%E0%A4%A/changes")).toBeNull();
    expect(fastChangesPlanId(undefined, undefined)).toBeNull();
  });

  it("stays linear on a long hostile path", () => {
    const path = `/api/plans/${"/".repeat(200_000)}changes`;
    expect(fastChangesPlanId("POST", path)).toBeNull();
  });
});
