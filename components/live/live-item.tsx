"use client";

import { AlertTriangle, MessageSquare } from "lucide-react";
import { useState } from "react";
import { CommandBlock } from "@/components/plan/command-block";
import { ItemStatusBadge, itemStatusLabel } from "@/components/plan/item-status-badge";
import { MetricReading } from "@/components/plan/metric-reading";
import { fieldStyles } from "@/components/ui/styles";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { CommentLiveState, ItemLiveState } from "@/lib/plan-state/events";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";
import { metricSchema } from "@/lib/plan-document/schema";
import { InlineMarkdown, MarkdownBlock } from "@/components/markdown/user-markdown";

type Item = LiveSectionStructure["items"][number];
type Status = ItemLiveState["status"];

const whenFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const smallButton =
  "rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";

interface LiveItemProps {
  item: Item;
  state: ItemLiveState;
  comments: CommentLiveState[];
  canTick: boolean;
  canComment: boolean;
  flash: boolean;
  onChange: (change: PlanChange) => void;
}

/** One item with its state and, for those who may act, the controls to change it. */
export function LiveItem({ item, state, comments, canTick, canComment, flash, onChange }: LiveItemProps) {
  const [asking, setAsking] = useState<"SKIPPED" | "FAILED" | null>(null);
  const [note, setNote] = useState("");
  const [showComments, setShowComments] = useState(false);
  const [comment, setComment] = useState("");
  const [measured, setMeasured] = useState("");
  const metric = metricSchema.safeParse(item.metric);

  const setStatus = (status: Status, withNote?: string) =>
    onChange({ type: "item.status", itemId: item.id, status, note: withNote, expectedVersion: state.version });

  return (
    <li
      className={`py-2.5 outline-offset-2 focus:outline-2 focus:outline-indigo-500 transition-colors duration-700 ${flash ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}
      style={{ paddingLeft: `${item.depth * 1.5}rem` }}
      data-item-id={item.id}
      data-status={state.status}
      tabIndex={-1}
      aria-label={`${item.text}: ${itemStatusLabel(state.status)}`}
    >
      <div className="flex items-start gap-3">
        <span className="mt-0.5">
          <ItemStatusBadge status={state.status} />
        </span>
        <div className="min-w-0 flex-1">
          <p className={`text-sm ${state.status === "NOT_APPLICABLE" ? "text-slate-600 dark:text-slate-400 line-through" : ""}`}>
            {item.critical ? (
              <span className="mr-1.5 inline-flex items-center gap-0.5 rounded bg-red-50 px-1 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
                <AlertTriangle aria-hidden className="size-3" /> Critical
              </span>
            ) : null}
            <span data-role="item-text"><InlineMarkdown text={item.text} /></span>
            {!item.required && !/optional/i.test(item.text) ? <span className="ml-1.5 text-xs text-slate-600 dark:text-slate-400">(optional)</span> : null}
            {item.assigneeRole ? <span className="ml-1.5 rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{item.assigneeRole}</span> : null}
          </p>
          {state.status !== "PENDING" ? (
            <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400" data-role="item-state">
              {itemStatusLabel(state.status)}
              {state.changedBy ? ` by ${state.changedBy}` : ""}
              {state.statusAt ? ` at ${whenFormat.format(new Date(state.statusAt))}` : ""}
              {state.statusNote ? ` — ${state.statusNote}` : ""}
            </p>
          ) : null}
          {metric.success ? <MetricReading metric={metric.data} value={state.measuredValue} /> : null}
          {item.expected ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Expected: {item.expected}</p> : null}
          {item.details ? <MarkdownBlock text={item.details} className="mt-1 text-xs text-slate-600 dark:text-slate-400" /> : null}
          {item.commands.map((command, index) => (
            <CommandBlock key={index} command={command} />
          ))}

          {canTick ? (
            <div className="mt-2 flex flex-wrap items-center gap-1.5" role="group" aria-label={`Set state of: ${item.text}`}>
              {state.status !== "DONE" ? (
                <button type="button" className={smallButton} onClick={() => setStatus("DONE")}>
                  Done
                </button>
              ) : null}
              <button type="button" className={smallButton} onClick={() => setAsking("SKIPPED")}>
                Skip…
              </button>
              <button type="button" className={smallButton} onClick={() => setAsking("FAILED")}>
                Fail…
              </button>
              {state.status !== "NOT_APPLICABLE" ? (
                <button type="button" className={smallButton} onClick={() => setStatus("NOT_APPLICABLE")}>
                  N/A
                </button>
              ) : null}
              {state.status !== "PENDING" ? (
                <button type="button" className={smallButton} onClick={() => setStatus("PENDING")}>
                  Reset
                </button>
              ) : null}
              {metric.success ? (
                <form
                  className="flex items-center gap-1"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const value = Number(measured);
                    if (measured.trim() === "" || !Number.isFinite(value)) return;
                    onChange({ type: "item.measurement", itemId: item.id, value, expectedVersion: state.version });
                    setMeasured("");
                  }}
                >
                  <label className="sr-only" htmlFor={`measure-${item.id}`}>
                    Measured {metric.data.label} in {metric.data.unit}
                  </label>
                  <input
                    id={`measure-${item.id}`}
                    inputMode="decimal"
                    value={measured}
                    onChange={(event) => setMeasured(event.target.value)}
                    placeholder={metric.data.unit}
                    className="w-20 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
                  />
                  <button type="submit" className={smallButton}>
                    Record
                  </button>
                </form>
              ) : null}
            </div>
          ) : null}

          {asking ? (
            <form
              className="mt-2 space-y-2"
              onSubmit={(event) => {
                event.preventDefault();
                if (!note.trim()) return;
                setStatus(asking, note.trim());
                setAsking(null);
                setNote("");
              }}
            >
              <label htmlFor={`note-${item.id}`} className={fieldStyles.label}>
                {asking === "SKIPPED" ? "Why is it skipped?" : "What failed?"}
              </label>
              <textarea id={`note-${item.id}`} required rows={2} value={note} onChange={(event) => setNote(event.target.value)} className={fieldStyles.input} />
              <div className="flex gap-2">
                <button type="submit" className={smallButton} disabled={!note.trim()}>
                  {asking === "SKIPPED" ? "Skip item" : "Mark failed"}
                </button>
                <button type="button" className={smallButton} onClick={() => setAsking(null)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : null}

          {comments.length || canComment ? (
            <div className="mt-1.5">
              <button
                type="button"
                className="inline-flex items-center gap-1 text-xs text-slate-600 hover:underline dark:text-slate-400"
                aria-expanded={showComments}
                onClick={() => setShowComments(!showComments)}
              >
                <MessageSquare aria-hidden className="size-3" />
                {comments.length ? `${comments.length} comment${comments.length === 1 ? "" : "s"}` : "Comment"}
              </button>
              {showComments ? (
                <div className="mt-1 space-y-1.5 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
                  {comments.map((entry) => (
                    <p key={entry.id} className="text-xs">
                      <span className="font-medium">{entry.author}</span>: {entry.body}
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
                      }}
                    >
                      <label className="sr-only" htmlFor={`comment-${item.id}`}>
                        Comment on {item.text}
                      </label>
                      <input
                        id={`comment-${item.id}`}
                        value={comment}
                        onChange={(event) => setComment(event.target.value)}
                        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
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
      </div>
    </li>
  );
}
