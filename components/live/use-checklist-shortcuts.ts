"use client";

import { useEffect, useState } from "react";

/**
 * Keyboard use of the checklist: j/k move between items, x or space marks the focused item
 * done, s skips, f fails, c opens its comment box, ? shows the list, Esc closes what is open.
 * The keys press the same controls a mouse would (found by their data-shortcut attribute:
 * the Done checkbox and the items of the row's menu), so they do exactly what the controls
 * do and nothing more.
 */
export const SHORTCUTS: [string, string][] = [
  ["j / k", "next / previous item"],
  ["x or space", "mark done"],
  ["s", "skip (asks why)"],
  ["f", "fail (asks what failed)"],
  ["c", "write a comment"],
  ["Esc", "close the open box without acting"],
  ["?", "show or hide these shortcuts"],
];

export type ShortcutAction = "done" | "skip" | "fail" | "comment";

const ACTION_FOR_KEY: Record<string, ShortcutAction> = { x: "done", " ": "done", s: "skip", f: "fail", c: "comment" };

/**
 * Keys typed into a field, or anywhere inside a dialog, belong to that field or dialog: a
 * shortcut there would tick steps while someone writes a comment ("ok s f x").
 */
export function keyBelongsElsewhere(event: Pick<KeyboardEvent, "target" | "metaKey" | "ctrlKey" | "altKey">): boolean {
  if (event.metaKey || event.ctrlKey || event.altKey) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  return target.closest("dialog, [role=dialog], [role=alertdialog]") !== null;
}

export function useChecklistShortcuts(): { helpOpen: boolean; closeHelp: () => void } {
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === "Escape") {
        setHelpOpen(false);
        return;
      }
      if (keyBelongsElsewhere(event)) return;
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
      const action = ACTION_FOR_KEY[event.key];
      // Space on a focused control already presses it; only act when the item row itself has focus.
      if (!action || !current || (event.key === " " && document.activeElement !== current)) return;
      const control = current.querySelector<HTMLElement>(`[data-shortcut="${action}"]`);
      // The key is the shortcut's, never a character for the box it opens.
      event.preventDefault();
      if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) control.focus();
      // Done is the item's checkbox: x marks a step done, never takes a done one back.
      else if (action === "done" && control?.getAttribute("aria-checked") === "true") return;
      else if (control instanceof HTMLButtonElement && !control.disabled) control.click();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return { helpOpen, closeHelp: () => setHelpOpen(false) };
}
