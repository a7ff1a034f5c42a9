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

  it("restores emoji one of whose bytes Windows-1252 leaves undefined, whether the byte was kept, dropped or replaced", () => {
    const utf8 = new TextEncoder().encode("⏳ waiting");
    expect([...utf8.slice(0, 3)]).toEqual([0xe2, 0x8f, 0xb3]);
    const kept = garble("⏳ waiting");
    const dropped = "â³ waiting";
    const replaced = "â\uFFFD³ waiting";
    for (const text of [kept, dropped, replaced]) expect(repairMojibake(text)).toEqual({ text: "⏳ waiting", repairs: 1 });
    // With others of the same file: each one is counted.
    expect(repairMojibake(`${dropped} âœ… done`)).toEqual({ text: "⏳ waiting ✅ done", repairs: 2 });
  });

  it("leaves a lone lead byte, and runs whose lost byte would give no emoji, alone", () => {
    // "Ã\uFFFD" could only be a letter (Á, Ï, Ð, Ý…): not restorable. Two lost bytes are too many to guess.
    for (const text of ["Ã ", "Ã\uFFFD text", "x â\uFFFD\uFFFD y"]) expect(repairMojibake(text)).toEqual({ text, repairs: 0 });
  });
});
