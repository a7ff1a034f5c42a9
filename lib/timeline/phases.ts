/**
 * Which sections of a plan are its phases on the timeline. Documents nest their headings
 * differently ("## Phase 2 (T-0)" or "### Phase 2 (T-0)" under "## Deployment Steps"), so
 * the phases are the sections at the level that carries the time offsets, or, when no
 * heading has one, the shallowest level that splits the items into more than one section.
 */
export interface TimelineSectionInput {
  id: string;
  title: string;
  level: number;
  parentId: string | null;
  offsetMinutes: number | null;
  plannedDurationMinutes: number | null;
  isRollback: boolean;
  /** The section's own items, not its subsections'. */
  itemIds: string[];
  /** The sum of the planned minutes of its own items that have them; null when none has. */
  itemPlannedMinutes?: number | null;
}

export interface PhaseSection {
  id: string;
  title: string;
  isRollback: boolean;
  /** The phase's own offset, or the earliest offset among its subsections. */
  offsetMinutes: number | null;
  /** The phase's own duration, or the sum of its subsections' durations, or else of its steps' planned minutes. */
  durationMinutes: number | null;
  /** Every item in the phase, subsections included. */
  itemIds: string[];
}

export function phaseSections(sections: readonly TimelineSectionInput[]): PhaseSection[] {
  const children = new Map<string | null, TimelineSectionInput[]>();
  for (const section of sections) {
    const list = children.get(section.parentId) ?? [];
    list.push(section);
    children.set(section.parentId, list);
  }
  const subtree = (section: TimelineSectionInput): TimelineSectionInput[] => [section, ...(children.get(section.id) ?? []).flatMap(subtree)];
  const withItems = sections.filter((section) => section.level > 0 && subtree(section).some((inner) => inner.itemIds.length > 0));
  if (!withItems.length) return [];
  const byId = new Map(sections.map((section) => [section.id, section]));

  // The rollback procedure is a lane of its own wherever its heading sits: each outermost
  // rollback section is one phase, and the deployment's phases leave its items out.
  const deployment = withItems.filter((section) => !section.isRollback);
  const phaseLevel = chooseLevel(deployment.length ? deployment : withItems);
  const rollbackRoots = withItems.filter((section) => section.isRollback && !(section.parentId && byId.get(section.parentId)?.isRollback));
  const chosen = new Set([...deployment.filter((section) => section.level === phaseLevel), ...rollbackRoots]);
  return withItems
    .filter((section) => chosen.has(section))
    .map((section) => {
      const all = subtree(section).filter((inner) => inner.isRollback === section.isRollback);
      const offsets = all.map((inner) => inner.offsetMinutes).filter((offset): offset is number => offset !== null);
      const childDurations = all.slice(1).map((inner) => inner.plannedDurationMinutes).filter((minutes): minutes is number => minutes !== null);
      // Steps planned one by one add up to the phase's length when no heading gives one.
      const stepMinutes = all.map((inner) => inner.itemPlannedMinutes ?? null).filter((minutes): minutes is number => minutes !== null);
      const fromSteps = stepMinutes.length ? stepMinutes.reduce((sum, minutes) => sum + minutes, 0) : null;
      return {
        id: section.id,
        title: section.title,
        isRollback: section.isRollback,
        offsetMinutes: section.offsetMinutes ?? (offsets.length ? Math.min(...offsets) : null),
        durationMinutes: section.plannedDurationMinutes ?? (childDurations.length ? childDurations.reduce((sum, minutes) => sum + minutes, 0) : fromSteps),
        itemIds: all.flatMap((inner) => inner.itemIds),
      };
    });
}

function chooseLevel(sections: readonly TimelineSectionInput[]): number {
  const levels = [...new Set(sections.map((section) => section.level))].sort((a, b) => a - b);
  const count = (level: number, predicate: (section: TimelineSectionInput) => boolean) =>
    sections.filter((section) => section.level === level && predicate(section)).length;
  const byOffsets = levels.map((level) => ({ level, offsets: count(level, (section) => section.offsetMinutes !== null) }));
  const best = byOffsets.reduce((top, entry) => (entry.offsets > top.offsets ? entry : top), { level: 0, offsets: 1 });
  if (best.level) return best.level;
  return levels.find((level) => count(level, () => true) > 1) ?? levels[0]!;
}
