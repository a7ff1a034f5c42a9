"use client";

import { useId, useRef, useState, type InputHTMLAttributes } from "react";
import { mentionQueryAt, mentionToken } from "@/lib/mentions/mention-syntax";

export interface MentionCandidate {
  userId: string;
  name: string;
}

const MAX_OPTIONS = 8;

interface MentionInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "role"> {
  id: string;
  value: string;
  onValueChange: (value: string) => void;
  /** The plan's members: the only people the list offers. */
  candidates: readonly MentionCandidate[];
}

/**
 * A text field where `@` and a few letters offer the plan's members (an ARIA combobox with a
 * listbox): arrows move, Enter or Tab inserts `@[Name](userId)`, Esc closes the list and only
 * the list. Keys typed here never reach the checklist's single-key shortcuts (those ignore
 * fields), and the keys the list uses are kept from the row's own handlers while it is open.
 */
export function MentionInput({ id, value, onValueChange, candidates, className, ...inputProps }: MentionInputProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState<{ start: number; caret: number; text: string } | null>(null);
  const [active, setActive] = useState(0);

  const options = query
    ? candidates.filter((candidate) => candidate.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(query.text.toLowerCase())) || candidate.name.toLowerCase().startsWith(query.text.toLowerCase())).slice(0, MAX_OPTIONS)
    : [];
  const open = options.length > 0;
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const look = (text: string, caret: number | null) => {
    const found = caret === null ? null : mentionQueryAt(text, caret);
    setQuery(found ? { start: found.start, caret: caret!, text: found.query } : null);
    setActive(0);
  };

  const insert = (candidate: MentionCandidate) => {
    if (!query) return;
    const token = `${mentionToken(candidate.name, candidate.userId)} `;
    const next = value.slice(0, query.start) + token + value.slice(query.caret);
    onValueChange(next.slice(0, inputProps.maxLength ?? next.length));
    setQuery(null);
    const caret = query.start + token.length;
    requestAnimationFrame(() => inputRef.current?.setSelectionRange(caret, caret));
  };

  return (
    <div className="relative min-w-0 flex-1">
      <input
        {...inputProps}
        ref={inputRef}
        id={id}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        autoComplete="off"
        className={className}
        onChange={(event) => {
          onValueChange(event.target.value);
          look(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) => {
          const input = event.currentTarget;
          if (query && input.selectionStart !== query.caret) look(input.value, input.selectionStart);
        }}
        onBlur={() => setQuery(null)}
        onKeyDown={(event) => {
          if (!open) return;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((activeIndex + step + options.length) % options.length);
          } else if (event.key === "Enter" || event.key === "Tab") {
            event.preventDefault();
            insert(options[activeIndex]!);
          } else if (event.key === "Escape") {
            // Closes the list only; the comment box stays open with what was typed.
            event.preventDefault();
            event.stopPropagation();
            setQuery(null);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Members to mention"
        hidden={!open}
        className="absolute left-0 top-full z-20 mt-1 max-h-56 w-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((candidate, index) => (
          <li
            key={candidate.userId}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={`cursor-pointer px-2 py-1 ${index === activeIndex ? "bg-indigo-100 dark:bg-indigo-900" : ""}`}
            // Keep the focus in the field: a click picks the person without blurring it first.
            onMouseDown={(event) => {
              event.preventDefault();
              insert(candidate);
            }}
          >
            {candidate.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
