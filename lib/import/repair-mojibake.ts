/**
 * Repairs "mojibake": UTF-8 text that was decoded as Windows-1252 (or Latin-1) somewhere
 * upstream, so "✅" arrives as "âœ…" and "—" as "â€”". Each suspicious run is turned back
 * into the bytes it came from and re-decoded; runs that are not valid UTF-8 are left alone,
 * which keeps genuine accented text ("café", "Zürich") untouched.
 */

// Windows-1252 characters in 0x80–0x9F, mapped back to their byte. Latin-1 decoders keep
// those bytes as U+0080–U+009F instead, which map to themselves below.
const CP1252_BYTES = new Map<string, number>([
  ["€", 0x80], ["‚", 0x82], ["ƒ", 0x83], ["„", 0x84], ["…", 0x85], ["†", 0x86], ["‡", 0x87],
  ["ˆ", 0x88], ["‰", 0x89], ["Š", 0x8a], ["‹", 0x8b], ["Œ", 0x8c], ["Ž", 0x8e], ["‘", 0x91],
  ["’", 0x92], ["“", 0x93], ["”", 0x94], ["•", 0x95], ["–", 0x96], ["—", 0x97], ["˜", 0x98],
  ["™", 0x99], ["š", 0x9a], ["›", 0x9b], ["œ", 0x9c], ["ž", 0x9e], ["Ÿ", 0x9f],
]);

const CONTINUATION = "\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
// A UTF-8 lead byte (0xC2–0xF4 read as Latin-1) followed by one to three continuation bytes.
const SUSPECT_RUN = new RegExp(`[\\u00C2-\\u00F4][${CONTINUATION}]{1,3}`, "g");

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function toByte(char: string): number {
  const code = char.charCodeAt(0);
  if (code <= 0xff) return code;
  return CP1252_BYTES.get(char) ?? -1;
}

function sequenceLength(leadByte: number): number {
  if (leadByte >= 0xf0) return 4;
  if (leadByte >= 0xe0) return 3;
  return 2;
}

export interface MojibakeRepair {
  text: string;
  repairs: number;
}

export function repairMojibake(text: string): MojibakeRepair {
  let repairs = 0;
  const repaired = text.replace(SUSPECT_RUN, (run) => {
    const chars = [...run];
    const bytes = chars.map(toByte);
    const length = sequenceLength(bytes[0] ?? 0);
    if (chars.length < length) {
      // "⚠️" ends in EF B8 8F; 0x8F is undefined in Windows-1252 and is often dropped, leaving
      // "ï¸". That pair can only be a broken variation selector, so restore it.
      if (run === "ï¸") {
        repairs += 1;
        return "\uFE0F";
      }
      return run;
    }
    try {
      const decoded = strictUtf8.decode(Uint8Array.from(bytes.slice(0, length)));
      repairs += 1;
      return decoded + chars.slice(length).join("");
    } catch {
      return run;
    }
  });
  return { text: repaired, repairs };
}
