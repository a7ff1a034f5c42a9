"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { ActivityFeed } from "@/components/live/activity-feed";
import { LifecycleActions } from "@/components/live/lifecycle-actions";
import { ReadinessPanel } from "@/components/readiness/readiness-panel";
import { usePublishNeedsYou } from "@/components/needs-you/needs-you-context";
import { GateOverrideBanners } from "@/components/signoffs/gate-override-banners";
import { asPlanChange, editorSectionsOf } from "@/components/editor/editor-types";
import { PlanEditor, type SendStructural } from "@/components/editor/plan-editor";
import { DocumentPartsEditor } from "@/components/document-parts/document-parts-editor";
import type { SendPart } from "@/components/document-parts/part-form-kit";
import type { EditorDocumentParts } from "@/lib/document-parts/editor-parts";
import { planningOptionsOf } from "@/components/editor/planning-fields";
import { LiveItem } from "@/components/live/live-item";
import { BlockedTickOverride } from "@/components/live/blocked-tick-override";
import { MyStepsPanel } from "@/components/live/my-steps-panel";
import { livePlanning, resolveOwners, type ResolvedOwner } from "@/lib/planning/live-planning";
import { describeBlockers, type Blocker } from "@/lib/planning/dependency-graph";
import { PresenceBar } from "@/components/live/presence-bar";
import { SHORTCUTS, useChecklistShortcuts } from "@/components/live/use-checklist-shortcuts";
import { usePlanLive } from "@/components/live/use-plan-live";
import { useStructureRefresh } from "@/components/live/use-structure-refresh";
import { useStableStructure } from "@/components/live/use-stable-structure";
import { CommandBlock } from "@/components/plan/command-block";
import { PlanContentBlocks } from "@/components/plan/plan-content-blocks";
import { InlineMarkdown } from "@/components/markdown/user-markdown";
import { ProgressBar } from "@/components/plan/progress-bar";
import { PlanStatusPill } from "@/components/plans/plan-status-pill";
import { LiveGatesPanel, type Signing } from "@/components/signoffs/live-gates-panel";
import { buttonStyles, cardStyles } from "@/components/ui/styles";
import { TickingTimePanel } from "@/components/timeline/time-panel";
import { LivePlanMetrics } from "@/components/metrics/live-plan-metrics";
import type { PlanMetricsResult } from "@/lib/metrics/plan-metrics";
import type { PhaseSection } from "@/lib/timeline/phases";
import type { ScheduleRowInput } from "@/lib/timeline/plan-timeline";
import { liveGateStatuses, type GateStructure } from "@/lib/signoffs/live-gates";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { CommentLiveState, ItemLiveState, PlanEventMessage } from "@/lib/plan-state/events";
import { itemsMayChange } from "@/lib/plan-state/lifecycle";
import { editModeFor } from "@/lib/plan-editor/edit-rights";
import { mayPerform } from "@/lib/plan-state/permissions";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import { currentPhase } from "@/lib/plans/current-phase";
import type { ContentBlock } from "@/lib/plans/plan-content";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";
import { progressOf, runProgressOf } from "@/lib/plans/progress";

interface LivePlanProps {
  sections: LiveSectionStructure[];
  initial: PlanLiveState;
  gates: GateStructure[];
  /** Who is looking: their role and titles come from the live state, so changes to them reach this page at once. */
  viewer: { id: string; isAdmin: boolean };
  rollbackTriggers: string[];
  /** How many monitoring checks the plan's schedule creates when it finishes. */
  monitoringChecks: { onFinish: number; onRollback: number };
  /** Parts of the document before its first section and after its last. */
  documentContent: { intro: ContentBlock[]; closing: ContentBlock[] };
  /** Server-rendered panels for the right column (gates, contacts). */
  aside: React.ReactNode;
  /** The plan's phases and schedule, for the time panel, and its metrics when the page was rendered. */
  time: { phases: PhaseSection[]; schedule: ScheduleRowInput[]; metrics: PlanMetricsResult };
  /** The document's gates, triggers, tables and messages, for the editor. */
  documentParts: EditorDocumentParts;
}

interface Notice {
  kind: "error" | "info";
  message: string;
  openItems?: { id: string; text: string }[];
  /** A Done refused because the step waits for others: the lead may send it again with a reason. */
  overridable?: Extract<PlanChange, { type: "item.status" }>;
}

/** A refused change, as the notice above the checklist says it; a Done refused for waiting steps may be overridden by the lead. */
function refusalNotice(error: { message: string }, planChange: PlanChange): Notice {
  const { openItems, blockers } = error as { openItems?: Notice["openItems"]; blockers?: { itemId: string; text: string }[] };
  const overridable = blockers && planChange.type === "item.status" && !planChange.override ? planChange : undefined;
  return { kind: "error", message: error.message, openItems: openItems ?? blockers?.map((blocker) => ({ id: blocker.itemId, text: blocker.text })), overridable };
}

/**
 * The plan page people live in during a deployment: every change anyone makes appears here
 * within a moment; the user's own ticks show at once and are undone, with a message, if
 * the server refuses them.
 */
export function LivePlan({ sections: renderedSections, initial, gates, viewer, rollbackTriggers, monitoringChecks, documentContent, aside, time, documentParts }: LivePlanProps) {
  // A structural edit refetches the whole structure; steps that read the same keep their objects, so only the edited row renders.
  const sections = useStableStructure(renderedSections);
  const [flashing, setFlashing] = useState<ReadonlySet<string>>(new Set());
  const flashTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  // Items someone else changed flash briefly, so a watcher's eye is drawn to them.
  const flash = useCallback((message: PlanEventMessage) => {
    if (message.event.type !== "item.changed") return;
    const id = message.event.item.id;
    setFlashing((current) => new Set(current).add(id));
    clearTimeout(flashTimers.current.get(id));
    flashTimers.current.set(
      id,
      setTimeout(() => setFlashing((current) => new Set([...current].filter((other) => other !== id))), 1500),
    );
  }, []);
  const onStructureChange = useStructureRefresh();
  const { state, connection, presence, sendChange, currentItemVersion } = usePlanLive(initial, { onRemoteEvent: flash, onStructureChange });
  const { permissions, signing } = viewerRights(state, viewer);
  usePublishNeedsYou({ userId: viewer.id, role: signing.role, titles: signing.titles }, gates, state);

  const [optimistic, setOptimistic] = useState<Record<string, Partial<ItemLiveState>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const { helpOpen, closeHelp } = useChecklistShortcuts();
  // The lead edits the plan in place; a finished plan is read-only, so the editor closes with it.
  const [editRequested, setEditRequested] = useState(false);
  const editMode = editModeFor(state.status);
  const mayEdit = permissions.edit && editMode !== "read-only";
  const editing = editRequested && mayEdit;
  const sendStructural: SendStructural = useCallback(
    async (structural) => {
      const answer = await sendChange(asPlanChange(structural));
      return answer.ok ? { ok: true } : { ok: false, message: answer.error.message };
    },
    [sendChange],
  );
  const sendPart: SendPart = useCallback(
    async (part) => {
      const answer = await sendChange(part);
      if (!answer.ok) return answer.error.message;
      onStructureChange();
      return null;
    },
    [sendChange, onStructureChange],
  );
  const [mineOnly, setMineOnly] = useState(false);
  const planningOptions = useMemo(() => {
    const ownerTitles = Object.values(state.planning).flatMap((planned) => planned.owners.flatMap((owner) => ("title" in owner ? [owner.title] : [])));
    return planningOptionsOf(state.members, sections, [...gates.flatMap((gate) => gate.roleTitles), ...ownerTitles]);
  }, [state.members, state.planning, sections, gates]);

  const itemText = useMemo(() => {
    const texts = new Map(sections.flatMap((section) => section.items.map((item) => [item.id, item.text] as const)));
    return (id: string) => texts.get(id);
  }, [sections]);

  const itemState = useCallback(
    (id: string): ItemLiveState => {
      // A step can reach the page's structure a moment before its event (a refetch racing the broadcast): it is pending until then.
      const live = state.items[id] ?? pendingItem(id);
      const ownChange = optimistic[id];
      // The live state's own object while nothing is in flight: events replace only the items they touch, so other rows keep theirs and skip rendering.
      return ownChange ? { ...live, ...ownChange } : live;
    },
    [state.items, optimistic],
  );

  // A step's status changes go out one after another: a second click while the first is in
  // flight (Done, then back, then Done again) was made against the state the page already
  // shows, so it waits for the first answer and is sent against the version that answer made.
  // Sent at once, it would carry the old version and be refused as a conflict.
  const statusChangesInFlight = useRef(new Map<string, Promise<boolean>>());
  const optimisticTokens = useRef(new Map<string, number>());
  const nextOptimisticToken = useRef(0);

  const change = useCallback(
    async (planChange: PlanChange) => {
      setNotice(null);
      if (planChange.type !== "item.status") {
        const answer = await sendChange(planChange);
        if (!answer.ok) setNotice(refusalNotice(answer.error, planChange));
        return;
      }
      const itemId = planChange.itemId;
      const token = ++nextOptimisticToken.current;
      optimisticTokens.current.set(itemId, token);
      setOptimistic((current) => ({ ...current, [itemId]: { status: planChange.status, statusNote: planChange.note ?? null } }));
      const previous = statusChangesInFlight.current.get(itemId);
      const sent = (async (): Promise<boolean> => {
        let toSend = planChange;
        if (previous) {
          // The first one was refused: this one was made against a state that never happened.
          if (!(await previous)) return false;
          toSend = { ...planChange, expectedVersion: currentItemVersion(itemId) ?? planChange.expectedVersion };
        }
        const answer = await sendChange(toSend);
        if (!answer.ok) setNotice(refusalNotice(answer.error, toSend));
        return answer.ok;
      })();
      statusChangesInFlight.current.set(itemId, sent);
      await sent;
      if (statusChangesInFlight.current.get(itemId) === sent) statusChangesInFlight.current.delete(itemId);
      // Only the latest click's optimistic state is cleared by its own answer; an earlier answer leaves it showing.
      if (optimisticTokens.current.get(itemId) === token) {
        optimisticTokens.current.delete(itemId);
        setOptimistic((current) => {
          const next = { ...current };
          delete next[itemId];
          return next;
        });
      }
    },
    [sendChange, currentItemVersion],
  );

  // Lifecycle actions and gates show their own refusal beside their buttons, not in the notice.
  const lifecycleChange = useCallback(
    (planChange: PlanChange) => {
      setNotice(null);
      return sendChange(planChange);
    },
    [sendChange],
  );

  // Owners, dependencies and Up next follow every event: the graph is rebuilt from the live state.
  const planning = useMemo(
    () => livePlanning(sections, (id) => itemState(id).status, state.planning, state.members),
    [sections, itemState, state.planning, state.members],
  );
  // Owners change with the planning or the members, never with a tick: resolved here once, each row keeps its list between ticks.
  const ownersByItem = useMemo(
    () => new Map(Object.entries(state.planning).map(([id, entry]) => [id, resolveOwners(entry.owners, state.members)] as const)),
    [state.planning, state.members],
  );
  const me = { userId: viewer.id, titles: signing.titles };
  const upNext = planning.upNext(me);

  const rollingBack = state.status === "ROLLING_BACK";
  // While rolling back, the rollback procedure comes first.
  const ordered = rollingBack ? [...sections.filter((s) => s.isRollback), ...sections.filter((s) => !s.isRollback)] : sections;
  const run = runProgressOf(sections, (id) => itemState(id).status, state.status);
  const phase = currentPhase(ordered, (id) => itemState(id).status, rollingBack);
  const mayChangeItems = itemsMayChange(state.status);
  const gateStatuses = liveGateStatuses(gates, state);
  // A section with nothing of its own and no sub-sections has nothing to show (see the main column).
  const shownSections = ordered.filter(
    (section, index) => section.items.length > 0 || section.commands.length > 0 || section.content.length > 0 || (ordered[index + 1]?.level ?? 0) > section.level,
  );
  const roleStateOf = (gateId: string, title: string) =>
    gateStatuses.find(({ gate }) => gate.id === gateId)?.status.roles.find((role) => role.title === title)?.state;

  return (
    <div className="space-y-6">
      <div className={`${cardStyles} space-y-4 p-4`}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <span data-testid="plan-status">
              <PlanStatusPill status={state.status} />
            </span>
            {phase ? (
              <span className="text-sm text-slate-700 dark:text-slate-300">
                Current phase: <strong data-testid="current-phase">{phase.title}</strong>
              </span>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            {mayEdit ? (
              <button type="button" className={buttonStyles.secondary} aria-pressed={editing} onClick={() => setEditRequested(!editing)}>
                {editing ? "Done editing" : "Edit plan"}
              </button>
            ) : null}
            <PresenceBar people={presence} connection={connection} />
          </div>
        </div>
        <ProgressBar progress={run.deployment} label="Overall progress" />
        {run.rollback ? <ProgressBar progress={run.rollback} label="Rollback procedure" /> : null}
        {run.failedItems.length ? (
          <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100" data-testid="failed-steps">
            <p className="font-medium">{run.failedItems.length} failed:</p>
            <ul className="mt-1 list-disc pl-5">
              {run.failedItems.map((item) => (
                <li key={item.id}>
                  <InlineMarkdown text={item.text} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {rollingBack && state.rollbackReason ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">Rolling back: {state.rollbackReason}</p>
        ) : null}
        {helpOpen ? (
          <div role="dialog" aria-label="Keyboard shortcuts" className="rounded-md border border-slate-300 p-3 text-sm dark:border-slate-700">
            <dl className="grid grid-cols-[8rem_1fr] gap-1">
              {SHORTCUTS.map(([keys, meaning]) => (
                <div key={keys} className="contents">
                  <dt className="font-mono text-xs">{keys}</dt>
                  <dd>{meaning}</dd>
                </div>
              ))}
            </dl>
            <button type="button" className="mt-2 text-xs underline" onClick={closeHelp}>
              Close
            </button>
          </div>
        ) : null}
        {state.overrides.length ? <GateOverrideBanners overrides={state.overrides} /> : null}
        <ReadinessPanel planId={state.planId} status={state.status} activity={state.activity} />
        {permissions.run ? (
          <LifecycleActions
            status={state.status}
            triggers={rollbackTriggers}
            context={{
              window: state.window,
              items: ordered.flatMap((section) => section.items.map((item) => ({ status: itemState(item.id).status, required: item.required, isRollback: section.isRollback }))),
              monitoringChecks,
              checksScheduled: state.checks.length > 0,
            }}
            onChange={lifecycleChange}
            gatesKey={gatesKeyOf(gateStatuses)}
          />
        ) : null}
        {notice ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
            {notice.message}
            {notice.openItems?.length ? (
              <ul className="mt-1 list-disc pl-5">
                {notice.openItems.slice(0, 10).map((item) => (
                  <li key={item.id}>{item.text}</li>
                ))}
                {notice.openItems.length > 10 ? <li>…and {notice.openItems.length - 10} more</li> : null}
              </ul>
            ) : null}
            {notice.overridable && permissions.run ? <BlockedTickOverride onOverride={(reason) => void change({ ...notice.overridable!, override: { reason } })} /> : null}
          </div>
        ) : null}
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[13rem_1fr_19rem]">
        <nav aria-label="Sections" className="hidden lg:block">
          <ol className="sticky top-20 space-y-1 text-sm">
            {shownSections.map((section) => {
              const sectionProgress = progressOf(section.items.map((item) => ({ required: item.required, status: itemState(item.id).status })));
              return (
                <li key={section.id} style={{ paddingLeft: `${Math.max(0, section.level - 2) * 0.75}rem` }}>
                  <a
                    href={`#section-${section.documentKey}`}
                    aria-current={phase?.id === section.id ? "step" : undefined}
                    className={`flex justify-between gap-2 rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800 ${phase?.id === section.id ? "bg-indigo-50 font-medium dark:bg-indigo-950" : ""}`}
                  >
                    <span className="truncate">{section.title}</span>
                    {sectionProgress.required.total ? (
                      <span className="shrink-0 tabular-nums text-xs text-slate-600 dark:text-slate-400">
                        {sectionProgress.required.settled}/{sectionProgress.required.total}
                      </span>
                    ) : null}
                  </a>
                </li>
              );
            })}
          </ol>
        </nav>

        <div className="min-w-0 space-y-4">
          {documentContent.intro.length ? (
            <section aria-label="About this plan" className={`${cardStyles} p-4`} data-testid="plan-intro">
              <PlanContentBlocks blocks={documentContent.intro} roleStateOf={roleStateOf} />
            </section>
          ) : null}
          {editing ? <PlanEditor sections={editorSectionsOf(sections, state)} mode={editMode} send={sendStructural} planningOptions={planningOptions} /> : null}
          {editing ? (
            <DocumentPartsEditor
              parts={documentParts}
              status={state.status}
              signedGateIds={new Set(state.signatures.filter((signature) => !signature.stale).map((signature) => signature.gateId))}
              send={sendPart}
            />
          ) : null}
          {editing ? null : ordered.map((section, index) => {
            const hasContent = section.items.length > 0 || section.commands.length > 0 || section.content.length > 0;
            const heading = (
              <h2 id={`title-${section.documentKey}`} className={section.level <= 2 ? "text-base font-semibold" : "text-sm font-semibold"}>
                {section.title}
                {/* Spaces keep the heading's accessible name readable ("Deploy T-0", not "DeployT-0"). */}
                {section.offsetLabel ? " " : null}
                {section.offsetLabel ? <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs font-normal text-slate-700 dark:bg-slate-800 dark:text-slate-300">{section.offsetLabel}</span> : null}
                {section.isRollback ? " " : null}
                {section.isRollback ? <span className="ml-2 text-xs font-normal text-amber-800 dark:text-amber-300">Rollback</span> : null}
              </h2>
            );
            if (!hasContent) {
              // A heading whose content is all in its sub-sections stands as a plain title over them; one with nothing at all is left out.
              const hasSubsections = (ordered[index + 1]?.level ?? 0) > section.level;
              return hasSubsections ? (
                <div key={section.id} id={`section-${section.documentKey}`} className="px-1 pt-2">
                  {heading}
                </div>
              ) : null;
            }
            return (
              <section key={section.id} id={`section-${section.documentKey}`} className={`${cardStyles} p-4 ${section.isRollback && rollingBack ? "ring-2 ring-amber-400" : ""}`} aria-labelledby={`title-${section.documentKey}`}>
                {heading}
                <PlanContentBlocks blocks={section.content} roleStateOf={roleStateOf} />
                {section.commands.map((command, commandIndex) => (
                  <CommandBlock key={commandIndex} command={command} />
                ))}
                {section.items.length ? (
                  <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
                    {section.items.filter((item) => !mineOnly || planning.isMine(item.id, me)).map((item) => {
                      const live = itemState(item.id);
                      // Only pending steps say what they wait for; a settled one has nothing left to wait for.
                      const blockers = live.status === "PENDING" ? planning.blockers(item.id) : NO_BLOCKERS;
                      // Every prop is a primitive, a stable callback or an object that keeps its identity while unchanged: the row's memo holds.
                      return (
                        <LiveItem
                          key={item.id}
                          planId={state.planId}
                          item={item}
                          state={live}
                          comments={state.comments[item.id] ?? NO_COMMENTS}
                          canTick={permissions.tick && mayChangeItems}
                          canComment={permissions.comment}
                          flash={flashing.has(item.id)}
                          onChange={change}
                          owners={ownersByItem.get(item.id) ?? NO_OWNERS}
                          plannedMinutes={planning.plannedMinutes(item.id)}
                          waitingFor={blockers.length ? describeBlockers(blockers) : null}
                          mentionCandidates={state.members}
                        />
                      );
                    })}
                  </ul>
                ) : null}
              </section>
            );
          })}
          {documentContent.closing.length ? (
            <section aria-label="Closing notes" className={`${cardStyles} p-4`}>
              <PlanContentBlocks blocks={documentContent.closing} />
            </section>
          ) : null}
        </div>

        <aside className="space-y-6">
          <MyStepsPanel upNext={upNext} mineOnly={mineOnly} onMineOnlyChange={setMineOnly} />
          <TickingTimePanel state={state} phases={time.phases} schedule={time.schedule} permissions={{ run: permissions.run, tick: permissions.tick }} onChange={change} />
          <LivePlanMetrics state={state} phases={time.phases} initial={time.metrics} />
          <section aria-labelledby="gates-title">
            <h2 id="gates-title" className="mb-2 text-sm font-semibold">
              Gates and sign-offs
            </h2>
            <LiveGatesPanel gates={gateStatuses} signing={signing} onChange={lifecycleChange} run={state} />
          </section>
          {aside}
          <section aria-labelledby="activity-title">
            <h2 id="activity-title" className="mb-2 text-sm font-semibold">
              Activity
            </h2>
            <ActivityFeed activity={state.activity} itemText={itemText} timeZone={state.window.timeZone} />
          </section>
        </aside>
      </div>
    </div>
  );
}

const NO_COMMENTS: CommentLiveState[] = [];
const NO_OWNERS: ResolvedOwner[] = [];
const NO_BLOCKERS: Blocker[] = [];

function pendingItem(id: string): ItemLiveState {
  return { id, status: "PENDING", statusNote: null, measuredValue: null, statusAt: null, changedBy: null, version: 0 };
}

/** What the viewer may do and sign, from their membership in the live state (a role or title changed elsewhere applies here at once). */
function viewerRights(state: PlanLiveState, viewer: LivePlanProps["viewer"]): { permissions: { tick: boolean; comment: boolean; run: boolean; edit: boolean }; signing: Signing } {
  const member = state.members.find((candidate) => candidate.userId === viewer.id);
  const role = member?.role ?? null;
  const may = (action: "tick" | "comment" | "run" | "edit") => mayPerform(role, action, { isAdmin: viewer.isAdmin });
  return {
    permissions: { tick: may("tick"), comment: may("comment"), run: may("run"), edit: may("edit") },
    signing: { userId: viewer.id, role, titles: member?.titles ?? [], mayDecideWithoutTitle: role === "LEAD", allowSelfApproval: state.settings.allowSelfApproval },
  };
}

/** Changes whenever a gate's standing changes, so a refusal it caused is not left on screen after (say) GO arrives. */
function gatesKeyOf(statuses: ReturnType<typeof liveGateStatuses>): string {
  return statuses.map(({ gate, status }) => `${gate.id}:${gate.blocks}:${status.state}:${status.roles.map((role) => `${role.state}${role.approvals.length}`).join("/")}`).join("|");
}
