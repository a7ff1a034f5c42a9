"use client";

import { AlertTriangle, MessageSquare } from "lucide-react";
import { memo, useRef, useState } from "react";
import { CommandBlock } from "@/components/plan/command-block";
import { ItemStatusBadge, itemStatusLabel } from "@/components/plan/item-status-badge";
import { MetricReading } from "@/components/plan/metric-reading";
import { AddedDuringRunBadge } from "@/components/editor/added-during-run-badge";
import { isAddedDuringRun } from "@/components/editor/editor-types";
import { ActionMenu, type ActionMenuItem } from "@/components/ui/action-menu";
import { fieldStyles } from "@/components/ui/styles";
import { evaluateMetric, formatMeasured, formatMetricTarget, isDoneOutsideTarget } from "@/lib/plan-document/metric";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { CommentLiveState, ItemLiveState } from "@/lib/plan-state/events";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";
import { metricSchema } from "@/lib/plan-document/schema";
import { InlineMarkdown, MarkdownBlock } from "@/components/markdown/user-markdown";
import { countRowRender } from "@/components/live/render-probe";
import { ItemPlanningBadges } from "@/components/live/item-planning-badges";
import { MentionInput, type MentionCandidate } from "@/components/live/mention-input";
import { commentParts } from "@/lib/mentions/mention-syntax";
import { RunCheckControl } from "@/components/checks/run-check-control";
import type { ResolvedOwner } from "@/lib/planning/live-planning";

type Item = LiveSectionStructure["items"][number];
type Status = ItemLiveState["status"];
type RowAction = "skip" | "fail" | "not-applicable" | "pending" | "comment";

const whenFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const menuButton =
  "grid size-7 shrink-0 place-items-center rounded text-slate-600 hover:bg-slate-100 aria-expanded:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-expanded:bg-slate-800";
const smallButton =
  "rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";

interface LiveItemProps {
  planId: string;
  item: Item;
  state: ItemLiveState;
  comments: CommentLiveState[];
  canTick: boolean;
  canComment: boolean;
  flash: boolean;
  onChange: (change: PlanChange) => void;
  /** Owners, planned minutes and what the step waits for (components/live/item-planning-badges.tsx). */
  owners: ResolvedOwner[];
  plannedMinutes: number | null;
  waitingFor: string | null;
  /** The plan's members, whom the comment box offers after `@` (a stable list: it changes only with the members). */
  mentionCandidates: readonly MentionCandidate[];
}

/** What the item asks before a measured step is done: its value, or a confirmation that it misses the target. */
type MeasurePrompt = { kind: "missing" } | { kind: "outside"; value: number };

/**
 * One item with its state and, for those who may act, the controls to change it: a checkbox
 * for Done and one menu for the rest. The controls are always in the same place (menu items
 * that do not apply are disabled), so nothing moves under the pointer; after every action the focus returns to the item row,
 * so the keyboard shortcuts keep working and never type into a box by accident.
 *
 * Memoized: an event re-renders only the rows whose props it changed. The page keeps every
 * prop's identity while its content stands (live-state updates are keyed, callbacks stable,
 * empty lists shared), so a tick on a 1 000-step plan renders one row, not all of them.
 */
export const LiveItem = memo(function LiveItem({ planId, item, state, comments, canTick, canComment, flash, onChange, owners, plannedMinutes, waitingFor, mentionCandidates }: LiveItemProps) {
  countRowRender(item.id);
  const rowRef = useRef<HTMLLIElement>(null);
  const measureRef = useRef<HTMLInputElement>(null);
  const [asking, setAsking] = useState<"SKIPPED" | "FAILED" | null>(null);
  const [note, setNote] = useState("");
  const [showComments, setShowComments] = useState(false);
  const [comment, setComment] = useState("");
  const [measured, setMeasured] = useState("");
  const [prompt, setPrompt] = useState<MeasurePrompt | null>(null);
  const parsedMetric = metricSchema.safeParse(item.metric);
  const metric = parsedMetric.success ? parsedMetric.data : null;
  const outsideTarget = isDoneOutsideTarget(metric, state.status, state.measuredValue);
  const stateLabel = itemStatusLabel(state.status, outsideTarget);

  const focusRow = () => rowRef.current?.focus();
  const closeBoxes = () => {
    setAsking(null);
    setPrompt(null);
    setShowComments(false);
  };

  // Focus goes back to the row, except from the checkbox, which keeps it so Space toggles again.
  const setStatus = (status: Status, extra: { note?: string; measuredValue?: number; confirmOutsideTarget?: boolean } = {}, keepFocus = false) => {
    onChange({ type: "item.status", itemId: item.id, status, expectedVersion: state.version, ...extra });
    setPrompt(null);
    if (!keepFocus) focusRow();
  };

  const typedValue = (): number | null => {
    const value = Number(measured.replace(",", "."));
    return measured.trim() !== "" && Number.isFinite(value) ? value : null;
  };

  /** Done, with the rule for measured steps asked in place: a value first, and a confirmation when it misses the target. */
  const markDone = (keepFocus = false) => {
    if (!metric) return setStatus("DONE", {}, keepFocus);
    const value = typedValue() ?? state.measuredValue;
    if (value === null) {
      setPrompt({ kind: "missing" });
      measureRef.current?.focus();
      return;
    }
    const withValue = typedValue() !== null ? { measuredValue: value } : {};
    if (evaluateMetric(metric, value) === "fail") {
      setPrompt({ kind: "outside", value });
      return;
    }
    setMeasured("");
    setStatus("DONE", withValue, keepFocus);
  };

  const confirmOutside = (value: number) => {
    setMeasured("");
    setStatus("DONE", { measuredValue: value, confirmOutsideTarget: true });
  };

  // One menu for everything but Done: a 25-step plan reads as a list, not a wall of buttons.
  const menuItems: ActionMenuItem<RowAction>[] = [
    ...(canTick
      ? [
          { action: "skip" as const, label: "Skip…", shortcut: "skip" },
          { action: "fail" as const, label: "Fail…", shortcut: "fail" },
          { action: "not-applicable" as const, label: "Not applicable", disabled: state.status === "NOT_APPLICABLE" },
          { action: "pending" as const, label: "Back to pending", disabled: state.status === "PENDING" },
        ]
      : []),
    // While the comment box is open, `c` goes to its field (below) instead.
    ...(canComment ? [{ action: "comment" as const, label: "Comment…", shortcut: showComments ? undefined : "comment" }] : []),
  ];
  const onMenuAction = (action: RowAction) => {
    if (action === "skip") setAsking("SKIPPED");
    else if (action === "fail") setAsking("FAILED");
    else if (action === "not-applicable") setStatus("NOT_APPLICABLE");
    else if (action === "pending") setStatus("PENDING");
    else setShowComments(true);
  };

  return (
    <li
      ref={rowRef}
      id={`item-${item.id}`}
      className={`py-2.5 outline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-500 transition-colors duration-700 ${flash ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}
      style={{ paddingLeft: `${item.depth * 1.5}rem` }}
      data-item-id={item.id}
      data-status={state.status}
      data-flash={flash ? "true" : undefined}
      data-outside-target={outsideTarget ? "true" : undefined}
      tabIndex={-1}
      aria-label={`${item.text}: ${stateLabel}`}
      onKeyDown={(event) => {
        // Esc closes whatever box is open, without acting, and gives the keys back to the list.
        if (event.key !== "Escape" || !(asking || prompt || showComments)) return;
        event.preventDefault();
        closeBoxes();
        focusRow();
      }}
    >
      <div className="flex items-start gap-3">
        {canTick ? (
          <button
            type="button"
            role="checkbox"
            aria-checked={state.status === "DONE"}
            aria-label={`Done: ${item.text}`}
            aria-describedby={`state-${item.id}`}
            data-shortcut="done"
            className="mt-0.5 rounded outline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-500"
            onClick={() => (state.status === "DONE" ? setStatus("PENDING", {}, true) : markDone(true))}
          >
            <ItemStatusBadge status={state.status} outsideTarget={outsideTarget} />
          </button>
        ) : (
          <span className="mt-0.5">
            <ItemStatusBadge status={state.status} outsideTarget={outsideTarget} />
          </span>
        )}
        <div className="min-w-0 flex-1">
          <p className={`text-sm ${state.status === "NOT_APPLICABLE" ? "text-slate-600 dark:text-slate-400 line-through" : ""}`}>
            {item.critical ? (
              <span className="mr-1.5 inline-flex items-center gap-0.5 rounded bg-red-50 px-1 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
                <AlertTriangle aria-hidden className="size-3" /> Critical
              </span>
            ) : null}
            <span data-role="item-text"><InlineMarkdown text={item.text} /></span>
            {!item.required && !/optional/i.test(item.text) ? <span className="ml-1.5 text-xs text-slate-600 dark:text-slate-400">(optional)</span> : null}
            {isAddedDuringRun(item) ? <AddedDuringRunBadge /> : null}
            {item.assigneeRole ? <span className="ml-1.5 rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{item.assigneeRole}</span> : null}
          </p>
          <ItemPlanningBadges owners={owners} plannedMinutes={plannedMinutes} waitingFor={waitingFor} />
          {item.check ? (
            <RunCheckControl planId={planId} itemId={item.id} check={item.check} canRun={canTick && (state.status === "PENDING" || state.status === "FAILED")} />
          ) : null}

          {canTick && metric ? (
                <form
                  className="mt-2 flex items-center gap-1"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const value = typedValue();
                    if (value === null) return;
                    // A done step whose new value misses the target asks first, like Done does.
                    if (state.status === "DONE" && evaluateMetric(metric, value) === "fail") {
                      setPrompt({ kind: "outside", value });
                      return;
                    }
                    onChange({ type: "item.measurement", itemId: item.id, value, expectedVersion: state.version });
                    setMeasured("");
                    setPrompt(null);
                  }}
                >
                  <label className="sr-only" htmlFor={`measure-${item.id}`}>
                    Measured {metric.label} in {metric.unit}
                  </label>
                  <input
                    ref={measureRef}
                    id={`measure-${item.id}`}
                    inputMode="decimal"
                    maxLength={32}
                    value={measured}
                    onChange={(event) => setMeasured(event.target.value)}
                    placeholder={metric.unit}
                    aria-describedby={prompt ? `prompt-${item.id}` : undefined}
                    className="w-20 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
                  />
                  <button type="submit" className={smallButton}>
                    Record
                  </button>
                </form>
          ) : null}

          <p id={`state-${item.id}`} className={`mt-0.5 text-xs ${outsideTarget ? "font-medium text-amber-800 dark:text-amber-300" : "text-slate-600 dark:text-slate-400"}`} data-role="item-state">
            {state.status !== "PENDING" ? (
              <>
                {stateLabel}
                {state.changedBy ? ` by ${state.changedBy}` : ""}
                {state.statusAt ? ` at ${whenFormat.format(new Date(state.statusAt))}` : ""}
                {state.statusNote ? ` — ${state.statusNote}` : ""}
              </>
            ) : (
              <span className="sr-only">Pending</span>
            )}
          </p>

          {prompt && metric ? (
            <div id={`prompt-${item.id}`} role="alert" className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
              {prompt.kind === "missing" ? (
                <p>
                  Enter the measured {metric.label} ({metric.unit || "value"}) first: a measured step needs its value before it is done.
                </p>
              ) : (
                <>
                  <p>
                    {formatMeasured(metric, prompt.value)} is outside the target {formatMetricTarget(metric)}. Mark this step done outside target?
                  </p>
                  <div className="mt-1.5 flex gap-2">
                    <button type="button" className={smallButton} onClick={() => confirmOutside(prompt.value)}>
                      Yes, outside target
                    </button>
                    <button
                      type="button"
                      className={smallButton}
                      autoFocus
                      onClick={() => {
                        setPrompt(null);
                        focusRow();
                      }}
                    >
                      Cancel
                    </button>
                  </div>
                </>
              )}
            </div>
          ) : null}

          {metric ? <MetricReading metric={metric} value={state.measuredValue} done={state.status === "DONE"} /> : null}
          {item.expected ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Expected: {item.expected}</p> : null}
          {item.details ? <MarkdownBlock text={item.details} className="mt-1 text-xs text-slate-600 dark:text-slate-400" /> : null}
          {item.commands.map((command, index) => (
            <CommandBlock key={index} command={command} />
          ))}

          {asking ? (
            <form
              className="mt-2 space-y-2"
              onSubmit={(event) => {
                event.preventDefault();
                if (!note.trim()) return;
                setStatus(asking, { note: note.trim() });
                setAsking(null);
                setNote("");
              }}
            >
              <label htmlFor={`note-${item.id}`} className={fieldStyles.label}>
                {asking === "SKIPPED" ? "Why is it skipped?" : "What failed?"}
              </label>
              <textarea
                id={`note-${item.id}`}
                required
                autoFocus
                rows={2}
                maxLength={2000}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                className={fieldStyles.input}
              />
              <div className="flex gap-2">
                <button type="submit" className={smallButton} disabled={!note.trim()}>
                  {asking === "SKIPPED" ? "Skip item" : "Mark failed"}
                </button>
                <button
                  type="button"
                  className={smallButton}
                  onClick={() => {
                    setAsking(null);
                    focusRow();
                  }}
                >
                  Cancel
                </button>
              </div>
            </form>
          ) : null}

          {comments.length || showComments ? (
            <div className="mt-1.5">
              {comments.length ? (
                <button
                  type="button"
                  className="inline-flex items-center gap-1 text-xs text-slate-600 hover:underline dark:text-slate-400"
                  aria-expanded={showComments}
                  onClick={() => setShowComments(!showComments)}
                >
                  <MessageSquare aria-hidden className="size-3" />
                  {`${comments.length} comment${comments.length === 1 ? "" : "s"}`}
                </button>
              ) : null}
              {showComments ? (
                <div className="mt-1 space-y-1.5 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
                  {comments.map((entry) => (
                    <p key={entry.id} className="text-xs">
                      <span className="font-medium">{entry.author}</span>:{" "}
                      {commentParts(entry.body).map((part, index) =>
                        part.kind === "text" ? (
                          part.text
                        ) : (
                          <span key={index} className="font-medium text-indigo-700 dark:text-indigo-300" data-role="mention">
                            @{part.name}
                          </span>
                        ),
                      )}
                    </p>
                  ))}
                  {canComment ? (
                    <form
                      className="flex gap-1.5"
                      onSubmit={(event) => {
                        event.preventDefault();
                        if (!comment.trim()) return;
                        onChange({ type: "item.comment", itemId: item.id, body: comment.trim() });
                        setComment("");
                        focusRow();
                      }}
                    >
                      <label className="sr-only" htmlFor={`comment-${item.id}`}>
                        Comment on {item.text}
                      </label>
                      <MentionInput
                        id={`comment-${item.id}`}
                        autoFocus
                        maxLength={4000}
                        data-shortcut="comment"
                        value={comment}
                        onValueChange={setComment}
                        candidates={mentionCandidates}
                        className="w-full rounded border border-slate-300 bg-white px-2 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
                      />
                      <button type="submit" className={smallButton}>
                        Add
                      </button>
                    </form>
                  ) : null}
                </div>
              ) : null}
            </div>
          ) : null}
        </div>
        {menuItems.length ? <ActionMenu label="Step actions" menuLabel={`Actions for: ${item.text}`} items={menuItems} onSelect={onMenuAction} buttonClassName={menuButton} /> : null}
      </div>
    </li>
  );
});
