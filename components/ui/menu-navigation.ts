/**
 * Which menu item the arrow keys move to (WAI-ARIA menu button pattern): down and up wrap
 * around, Home and End go to the ends, and disabled items are passed over. Returns null
 * when no item can take the focus or the key is not a navigation key.
 */
export function nextMenuIndex(enabled: readonly boolean[], current: number, key: string): number | null {
  const count = enabled.length;
  if (!enabled.some(Boolean)) return null;
  const firstFrom = (start: number, step: 1 | -1): number => {
    for (let offset = 0; offset < count; offset += 1) {
      const index = (((start + step * offset) % count) + count) % count;
      if (enabled[index]) return index;
    }
    return -1;
  };
  switch (key) {
    case "ArrowDown":
      return firstFrom(current < 0 ? 0 : current + 1, 1);
    case "ArrowUp":
      return firstFrom(current < 0 ? count - 1 : current - 1, -1);
    case "Home":
      return firstFrom(0, 1);
    case "End":
      return firstFrom(count - 1, -1);
    default:
      return null;
  }
}
