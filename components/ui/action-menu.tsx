"use client";

import { MoreHorizontal } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { nextMenuIndex } from "@/components/ui/menu-navigation";

export interface ActionMenuItem<Action extends string> {
  action: Action;
  label: string;
  disabled?: boolean;
  /** The checklist shortcut that presses this item (components/live/use-checklist-shortcuts.ts). */
  shortcut?: string;
}

/**
 * A menu button (WAI-ARIA menu button pattern): the button opens a menu of actions, the
 * arrow keys, Home and End move between them, Enter or a click acts, Esc closes and gives
 * the focus back to the button, and moving the focus or pressing elsewhere closes it.
 *
 * The items stay in the page while the menu is closed (hidden, so out of view and out of the
 * accessibility tree) so the checklist's shortcut keys can press them as a click would.
 */
export function ActionMenu<Action extends string>({
  label,
  menuLabel = label,
  items,
  onSelect,
  buttonClassName,
}: {
  /** The button's name; keep it short and the same on every row, so it never matches other controls' names. */
  label: string;
  /** The open menu's name, e.g. which step it acts on. */
  menuLabel?: string;
  items: ActionMenuItem<Action>[];
  onSelect: (action: Action) => void;
  buttonClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  const focusItem = (index: number | null) => {
    if (index !== null && index >= 0) itemRefs.current[index]?.focus();
  };
  const enabled = items.map((item) => !item.disabled);
  const openAt = (key: "Home" | "End") => {
    setOpen(true);
    // The items render visible in this same commit; focus them once they are.
    requestAnimationFrame(() => focusItem(nextMenuIndex(enabled, -1, key)));
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  // A press anywhere else closes the menu. (Not on blur alone: some browsers do not focus a
  // button they click, so the blur would close the menu before the click lands on its item.)
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <div
      ref={containerRef}
      className="relative"
      onBlur={(event) => {
        // The focus moved on by keyboard (Tab, j/k) to something outside the menu.
        if (open && event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={label}
        title={label}
        className={buttonClassName}
        onClick={() => (open ? close(false) : openAt("Home"))}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            openAt(event.key === "ArrowDown" ? "Home" : "End");
          }
        }}
      >
        <MoreHorizontal aria-hidden className="size-4" />
      </button>
      <div
        id={menuId}
        role="menu"
        aria-label={menuLabel}
        hidden={!open}
        className="absolute right-0 z-20 mt-1 w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            event.stopPropagation();
            close(true);
            return;
          }
          if (event.key === "Tab") {
            setOpen(false);
            return;
          }
          const current = itemRefs.current.findIndex((element) => element === document.activeElement);
          const next = nextMenuIndex(enabled, current, event.key);
          if (next === null) return;
          event.preventDefault();
          // Arrow keys are the menu's; the checklist must not also move between items.
          event.stopPropagation();
          focusItem(next);
        }}
      >
        {items.map((item, index) => (
          <button
            key={item.action}
            ref={(element) => {
              itemRefs.current[index] = element;
            }}
            type="button"
            role="menuitem"
            tabIndex={-1}
            disabled={item.disabled}
            data-shortcut={item.shortcut}
            className="flex w-full items-center rounded-md px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
            onClick={() => {
              setOpen(false);
              onSelect(item.action);
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
    </div>
  );
}
