import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/import/import-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { readFixture } from "@/lib/import/test-support";
import { MAX_PLAN_BYTES, validatePlanInput } from "@/lib/import/validate-plan-input";

function rejection(input: string | Uint8Array): ImportError {
  try {
    validatePlanInput(input);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected the input to be rejected");
}

describe("validatePlanInput", () => {
  it("rejects empty and whitespace-only uploads", () => {
    for (const input of ["", "   \n\t\r\n", new Uint8Array(0), Buffer.from("\n\n")]) {
      const error = rejection(input);
      expect(error.code).toBe("empty");
      expect(error.message).toMatch(/empty/);
    }
  });

  it("rejects binary files", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(rejection(png).code).toBe("binary");
    expect(rejection("- [ ] step\u0000two").code).toBe("binary");
    const noise = Array.from({ length: 400 }, (_, index) => String.fromCharCode(1 + (index % 7))).join("") + "- [ ] ok";
    const error = rejection(noise);
    expect(error.code).toBe("binary");
    expect(error.message).toMatch(/not text/);
  });

  it("rejects documents over 1 MB", () => {
    const line = "- [ ] Verify the replica is in sync\n";
    const big = line.repeat(Math.ceil((MAX_PLAN_BYTES + 1) / line.length));
    const error = rejection(big);
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/1 MB/);
    expect(rejection(Buffer.from(big)).code).toBe("too_large");
    // Multi-byte characters count as bytes, not characters.
    expect(rejection(`- [ ] ${"✅".repeat(Math.ceil(MAX_PLAN_BYTES / 3))}`).code).toBe("too_large");
  });

  it("rejects documents with no checklist", () => {
    const error = rejection("# Release notes\n\nWe shipped a lot of things this week.\n\n**Version**: 2.0\n");
    expect(error.code).toBe("no_checklist");
    expect(error.message).toMatch(/No checklist found/);
  });

  it("accepts a plan and returns its text; the following parse is the same as a fresh one", () => {
    const text = readFixture("release-runbook.md");
    expect(validatePlanInput(text)).toBe(text);
    expect(parsePlanMarkdown(text)).toEqual(parsePlanMarkdown(text));
    expect(validatePlanInput("| Time | Activity |\n|---|---|\n| T-0 | Deploy |\n")).toContain("Deploy");
  });

  it("reads UTF-8 bytes, and falls back to Windows-1252 for legacy files", () => {
    expect(validatePlanInput(Buffer.from("- [ ] Deploy ✅\n", "utf8"))).toBe("- [ ] Deploy ✅\n");
    expect(validatePlanInput(Buffer.from("- [ ] Notify the café team\n", "latin1"))).toBe("- [ ] Notify the café team\n");
  });
});
