"use client";

import { useRef } from "react";
import type { EditorSection, StructuralChange } from "@/components/editor/editor-types";
import { PlanEditor } from "@/components/editor/plan-editor";
import type { PlanningOptions } from "@/components/editor/planning-fields";
import { editTemplateAction } from "@/app/(app)/templates/[templateId]/edit/actions";

/**
 * The plan editor on a template: each edit is saved at once through the template's one
 * writer, checked against the version this page last saw (the server's answer, or the
 * page's own after a refresh), so another editor's save in between is refused, never lost.
 */
export function TemplateEditor({ templateId, version, sections, planningOptions }: { templateId: string; version: number; sections: EditorSection[]; planningOptions: PlanningOptions }) {
  const saved = useRef(0);
  const send = async (change: StructuralChange) => {
    const answer = await editTemplateAction({ templateId, expectedVersion: Math.max(version, saved.current), change });
    if (!answer.ok) return answer;
    saved.current = answer.version;
    return { ok: true as const };
  };
  return <PlanEditor sections={sections} mode="full" send={send} planningOptions={planningOptions} subject="template" />;
}
