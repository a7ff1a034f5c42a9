const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/**
 * "90s", "10m", "1h30m", "500ms" or a bare number of seconds, in milliseconds; undefined for
 * anything else. A plain character scan (no pattern), so any input is read in linear time.
 */
export function parseDurationMs(text: string): number | undefined {
  const input = text.trim().toLowerCase();
  if (!input || input.length > 32) return undefined;
  let total = 0;
  let index = 0;
  while (index < input.length) {
    const numberStart = index;
    while (index < input.length && ((input[index]! >= "0" && input[index]! <= "9") || input[index] === ".")) index += 1;
    const number = Number(input.slice(numberStart, index));
    if (numberStart === index || !Number.isFinite(number)) return undefined;
    const unitStart = index;
    while (index < input.length && input[index]! >= "a" && input[index]! <= "z") index += 1;
    const unit = input.slice(unitStart, index);
    if (!unit) {
      // A bare number is seconds, and only on its own ("90", not "1m30").
      if (numberStart !== 0) return undefined;
      return Math.round(number * 1000);
    }
    const factor = UNIT_MS[unit];
    if (factor === undefined) return undefined;
    total += number * factor;
  }
  return Math.round(total);
}
