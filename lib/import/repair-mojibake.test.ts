import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/import/normalize-text";
import { c1ToWindows1252, repairMojibake } from "@/lib/import/repair-mojibake";

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
      expect(repairMojibake(text)).toEqual({ text, repairs: 0, ambiguous: 0 });
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
    for (const text of [kept, dropped, replaced]) expect(repairMojibake(text)).toEqual({ text: "⏳ waiting", repairs: 1, ambiguous: 0 });
    // With others of the same file: each one is counted.
    expect(repairMojibake(`${dropped} âœ… done`)).toEqual({ text: "⏳ waiting ✅ done", repairs: 2, ambiguous: 0 });
  });

  it("leaves a lone lead byte, and runs whose lost byte would give no emoji, alone", () => {
    // "Ã\uFFFD" could only be a letter (Á, Ï, Ð, Ý…): not restorable. Two lost bytes are too many to guess.
    for (const text of ["Ã ", "Ã\uFFFD text", "x â\uFFFD\uFFFD y"]) expect(repairMojibake(text)).toEqual({ text, repairs: 0, ambiguous: 0 });
  });

  it("maps C1 controls from a Latin-1 read of Windows-1252 text to their characters, and leaves the five undefined bytes alone", () => {
    const latin1 = new TextDecoder("latin1").decode(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x85, 0x81, 0x8d, 0x8f, 0x90, 0x9d]));
    expect(c1ToWindows1252(latin1)).toEqual({ text: "“A” – €5 …\u0081\u008D\u008F\u0090\u009D", replaced: 5 });
    expect(repairMojibake("Caf\u00E9 \u0096 \u0080 12").text).toBe("Café – € 12");
  });
});

/**
 * Every way a mis-decoder treats UTF-8 bytes 0x80–0x9F: as Windows-1252 (the five bytes it
 * leaves undefined kept as C1 controls, dropped, or replaced by U+FFFD), or as Latin-1 (all
 * of them kept as C1 controls).
 */
const CP1252_HIGH = new TextDecoder("windows-1252");
const UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
type Misread = "windows-1252, undefined kept" | "windows-1252, undefined dropped" | "windows-1252, undefined replaced" | "latin-1";

function misread(text: string, how: Misread): string {
  return [...new TextEncoder().encode(text)]
    .map((byte) => {
      if (byte < 0x80 || byte >= 0xa0 || how === "latin-1") return String.fromCharCode(byte);
      if (!UNDEFINED.has(byte)) return CP1252_HIGH.decode(Uint8Array.of(byte)).replace(/[\u0080-\u009F]/, (c1) => c1ToWindows1252(c1).text);
      if (how === "windows-1252, undefined kept") return String.fromCharCode(byte);
      return how === "windows-1252, undefined dropped" ? "" : "\uFFFD";
    })
    .join("");
}

function* codePoints(from: number, to: number, step = 1): Generator<string> {
  for (let point = from; point <= to; point += step) if (point < 0xd800 || point > 0xdfff) yield String.fromCodePoint(point);
}

describe("repairMojibake over the whole range", () => {
  // Every two-byte character, every 7th three-byte one, and every emoji up to U+1FFFF.
  const characters = [...codePoints(0xa0, 0x7ff), ...codePoints(0x800, 0xffff, 7), ...[...codePoints(0x2000, 0x1ffff)].filter((char) => /\p{Emoji}/u.test(char))];

  it.each(["windows-1252, undefined kept", "latin-1"] as const)("restores every character mis-read as %s, bytes 0x80–0x9F included", (how) => {
    const broken = characters.filter((char) => repairMojibake(misread(` ${char} x`, how)).text !== ` ${char} x`);
    expect(broken).toEqual([]);
  });

  it.each(["windows-1252, undefined dropped", "windows-1252, undefined replaced"] as const)(
    "restores each emoji mis-read as %s where only one emoji fits, and counts the others as ambiguous",
    (how) => {
      let restored = 0;
      // One lost byte can be guessed; "⏏" (E2 8F 8F) loses two and is out of reach.
      const oneLost = (char: string) => [...new TextEncoder().encode(char)].filter((byte) => UNDEFINED.has(byte)).length <= 1;
      for (const char of characters.filter((candidate) => /\p{Extended_Pictographic}/u.test(candidate) && oneLost(candidate))) {
        const text = ` ${char} x`;
        const repair = repairMojibake(misread(text, how));
        if (repair.text === text) restored += 1;
        else expect(repair.ambiguous, `${char} U+${char.codePointAt(0)?.toString(16)}`).toBeGreaterThan(0);
      }
      expect(restored).toBeGreaterThan(900);
    },
  );

  it("warns when a garbled emoji is left because several fit", () => {
    // 🌍 is F0 9F 8C 8D; with 0x8D lost, 🌁 🌏 🌐 🌝 fit as well.
    const { text, warnings } = normalizeText(misread("Region 🌍 ready", "windows-1252, undefined dropped"));
    expect(text).toBe(misread("Region 🌍 ready", "windows-1252, undefined dropped"));
    expect(warnings).toEqual([expect.stringMatching(/^Left 1 garbled emoji as it was/)]);
  });
});
