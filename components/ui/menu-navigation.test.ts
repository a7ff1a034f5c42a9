import { describe, expect, it } from "vitest";
import { nextMenuIndex } from "@/components/ui/menu-navigation";

describe("nextMenuIndex", () => {
  const all = [true, true, true];

  it("moves down and up, wrapping at the ends", () => {
    expect(nextMenuIndex(all, 0, "ArrowDown")).toBe(1);
    expect(nextMenuIndex(all, 2, "ArrowDown")).toBe(0);
    expect(nextMenuIndex(all, 0, "ArrowUp")).toBe(2);
  });

  it("passes over disabled items", () => {
    expect(nextMenuIndex([true, false, true], 0, "ArrowDown")).toBe(2);
    expect(nextMenuIndex([true, false, true], 2, "ArrowUp")).toBe(0);
    expect(nextMenuIndex([false, true, false], -1, "Home")).toBe(1);
    expect(nextMenuIndex([false, true, false], -1, "End")).toBe(1);
  });

  it("starts at the first or last item when nothing has the focus yet", () => {
    expect(nextMenuIndex(all, -1, "ArrowDown")).toBe(0);
    expect(nextMenuIndex(all, -1, "ArrowUp")).toBe(2);
  });

  it("answers null for other keys and for a menu with nothing enabled", () => {
    expect(nextMenuIndex(all, 0, "x")).toBeNull();
    expect(nextMenuIndex([false, false], 0, "ArrowDown")).toBeNull();
  });
});
