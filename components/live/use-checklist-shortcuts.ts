"use client";

import { useEffect, useState } from "react";

/**
 * Keyboard use of the checklist: j/k move between items, x or space marks the focused item
 * done, s skips, f fails, c opens its comments, ? shows the list. The keys press the same
 * buttons a mouse would, so they do exactly what the buttons do and nothing more.
 */
export const SHORTCUTS: [string, string][] = [
  ["j / k", "next / previous item"],
  ["x or space", "mark done"],
  ["s", "skip (asks why)"],
  ["f", "fail (asks what failed)"],
  ["c", "comments"],
  ["?", "show or hide these shortcuts"],
];

const BUTTON_FOR_KEY: Record<string, RegExp> = { x: /^Done$/, " ": /^Done$/, s: /^Skip…$/, f: /^Fail…$/, c: /comment/i };

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function useChecklistShortcuts(): { helpOpen: boolean; closeHelp: () => void } {
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "?") {
        setHelpOpen((open) => !open);
        return;
      }
      const items = [...document.querySelectorAll<HTMLElement>("li[data-item-id]")];
      const current = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>("li[data-item-id]") : null;
      if (event.key === "j" || event.key === "k") {
        const index = current ? items.indexOf(current) : -1;
        const next = items[Math.min(items.length - 1, Math.max(0, index + (event.key === "j" ? 1 : -1)))];
        if (next) {
          event.preventDefault();
          next.focus();
        }
        return;
      }
      const pattern = BUTTON_FOR_KEY[event.key];
      // Space on a focused button already presses it; only act when the item itself has focus.
      if (!pattern || !current || (event.key === " " && document.activeElement !== current)) return;
      const button = [...current.querySelectorAll<HTMLButtonElement>("button")].find((candidate) => pattern.test(candidate.textContent?.trim() ?? ""));
      if (button) {
        event.preventDefault();
        button.click();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return { helpOpen, closeHelp: () => setHelpOpen(false) };
}
