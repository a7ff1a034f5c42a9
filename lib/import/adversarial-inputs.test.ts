import { describe, expect, it } from "vitest";
import { adversarialInputs } from "@/lib/import/adversarial-inputs";
import { ImportError } from "@/lib/import/import-error";
import { readUpload } from "@/lib/import/read-upload";

// Each input takes milliseconds to a few hundred (about 2 s for the slowest on a machine shared
// by many test runs); before the fixes, some took minutes. The bound only has to tell those
// apart, so it is generous.
const BOUND_MS = 10_000;

describe("adversarial documents", () => {
  for (const input of adversarialInputs()) {
    it(`reads ${input.name} in linear time, answering a plan or an ImportError`, () => {
      const started = performance.now();
      try {
        const { summary } = readUpload(input.text);
        expect(summary.sections).toBeGreaterThanOrEqual(0);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
      }
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
    }, 60_000);
  }
});
