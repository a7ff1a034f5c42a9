import { describe, expect, it } from "vitest";
import { repairMojibake } from "@/lib/import/repair-mojibake";

function garble(text: string): string {
  return new TextDecoder("windows-1252").decode(new TextEncoder().encode(text));
}

describe("repairMojibake", () => {
  it("restores UTF-8 that was read as Windows-1252", () => {
    expect(repairMojibake("âœ… done").text).toBe("✅ done");
    expect(repairMojibake("before â€” after").text).toBe("before — after");
    expect(repairMojibake(garble("Launch 🚀 — “quoted” … ⚠️ Zürich")).text).toBe("Launch 🚀 — “quoted” … ⚠️ Zürich");
  });

  it("leaves genuine accented and symbol text alone", () => {
    for (const text of ["café", "Zürich", "naïve façade", "£20 ± 5", "Ärger über Öl", "→ ✅ —"]) {
      expect(repairMojibake(text)).toEqual({ text, repairs: 0 });
    }
  });

  it("restores a variation selector whose last byte was dropped", () => {
    expect(repairMojibake("âš\u00A0ï¸ check").text).toBe("⚠\uFE0F check");
  });
});
