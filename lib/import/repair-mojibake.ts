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

/**
 * The five bytes Windows-1252 leaves undefined. A decoder may keep them (as U+0081…), drop
 * them, or replace them with U+FFFD; a run with one of them lost is tried with each (below).
 */
const UNDEFINED_IN_CP1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d] as const;
const REPLACEMENT_CHARACTER = "\uFFFD";

const CONTINUATION = "\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\\uFFFD";
// A UTF-8 lead byte (0xC2–0xF4 read as Latin-1) followed by one to three continuation bytes.
const SUSPECT_RUN = new RegExp(`[\\u00C2-\\u00F4][${CONTINUATION}]{1,3}`, "g");

// ignoreBOM: "ï»¿" is a mis-read U+FEFF, to be restored rather than dropped as a byte-order mark.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function toByte(char: string): number {
  if (char === REPLACEMENT_CHARACTER) return -1;
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
  /** Garbled emoji left as they were: a byte was lost and more than one emoji fits. */
  ambiguous: number;
}

function decodeStrictly(bytes: readonly number[]): string | undefined {
  if (bytes.some((byte) => byte < 0)) return undefined;
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

/** What a lost byte can be restored to: an emoji or symbol ("⏳" is E2 8F B3), or the emoji variation selector. */
const RESTORABLE = /^(?:\p{Emoji}|\uFE0F)$/u;

/**
 * A sequence with one byte lost or replaced (U+FFFD): the byte was one of the five Windows-1252
 * leaves undefined. Each is tried in each place it could have been; the repair is made only
 * when exactly one choice gives an emoji or the variation selector, so text that merely looks
 * like a broken sequence is left alone.
 */
function restoreLostByte(bytes: readonly number[], length: number): { restored?: string; ambiguous: boolean } {
  const candidates = new Set<string>();
  const tryBytes = (attempt: number[]) => {
    const decoded = decodeStrictly(attempt);
    if (decoded !== undefined && RESTORABLE.test(decoded)) candidates.add(decoded);
  };
  const replaced = bytes.indexOf(-1);
  if (replaced > 0 && bytes.length === length && bytes.lastIndexOf(-1) === replaced) {
    for (const byte of UNDEFINED_IN_CP1252) tryBytes(bytes.map((value, index) => (index === replaced ? byte : value)));
  } else if (replaced < 0 && bytes.length === length - 1) {
    for (let position = 1; position < length; position++) {
      for (const byte of UNDEFINED_IN_CP1252) tryBytes([...bytes.slice(0, position), byte, ...bytes.slice(position)]);
    }
  }
  // "🌍" is F0 9F 8C 8D; with its last byte lost, 🌁 🌏 🌐 🌝 fit as well: left garbled, and said so.
  return candidates.size === 1 ? { restored: [...candidates][0], ambiguous: false } : { ambiguous: candidates.size > 1 };
}

const WINDOWS_1252_BY_BYTE = new Map([...CP1252_BYTES].map(([char, byte]) => [byte, char]));
const C1_CONTROL = /[\u0080-\u009F]/g;

/**
 * Windows-1252 text read by a Latin-1 decoder (Node's own "windows-1252" TextDecoder is one,
 * on builds without full ICU): "–", "€", "“" arrive as the C1 controls U+0096, U+0080,
 * U+0093. Each becomes the character Windows-1252 has for that byte; the five bytes it leaves
 * undefined stay as they are (nothing is dropped).
 */
export function c1ToWindows1252(text: string): { text: string; replaced: number } {
  let replaced = 0;
  const result = text.replace(C1_CONTROL, (control) => {
    const char = WINDOWS_1252_BY_BYTE.get(control.charCodeAt(0));
    if (char === undefined) return control;
    replaced += 1;
    return char;
  });
  return { text: result, replaced };
}

export function repairMojibake(text: string): MojibakeRepair {
  let repairs = 0;
  let ambiguous = 0;
  const repaired = text.replace(SUSPECT_RUN, (run) => {
    const chars = [...run];
    const bytes = chars.map(toByte);
    const length = sequenceLength(bytes[0] ?? 0);
    const whole = chars.length >= length ? decodeStrictly(bytes.slice(0, length)) : undefined;
    if (whole !== undefined) {
      repairs += 1;
      return whole + chars.slice(length).join("");
    }
    // "⏳" is E2 8F B3 and "⚠️" ends in EF B8 8F: 0x8F is undefined in Windows-1252, and many
    // tools drop it ("â³", "ï¸") or write U+FFFD in its place.
    const within = Math.min(chars.length, length);
    const { restored, ambiguous: unsure } = restoreLostByte(bytes.slice(0, within), length);
    if (unsure) ambiguous += 1;
    if (restored === undefined) return run;
    repairs += 1;
    return restored + chars.slice(within).join("");
  });
  // C1 controls left after the runs are repaired were single Windows-1252 bytes, not UTF-8.
  const latin1 = c1ToWindows1252(repaired);
  return { text: latin1.text, repairs: repairs + latin1.replaced, ambiguous };
}
