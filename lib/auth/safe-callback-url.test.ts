import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths and replaces everything else", () => {
    expect(safeCallbackUrl("/plans/abc?x=1")).toBe("/plans/abc?x=1");
    expect(safeCallbackUrl("https://evil.test")).toBe("/plans");
    expect(safeCallbackUrl("//evil.test")).toBe("/plans");
    expect(safeCallbackUrl("/\\evil.test")).toBe("/plans");
    expect(safeCallbackUrl(undefined)).toBe("/plans");
  });
});
