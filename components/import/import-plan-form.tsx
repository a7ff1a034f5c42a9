"use client";

import { FileUp } from "lucide-react";
import { useActionState } from "react";
import {
  createFromImportAction,
  previewImportAction,
  type ImportCreateState,
  type ImportPreviewState,
} from "@/app/(app)/plans/import/actions";
import { ImportExtras, ImportHeaderFields } from "@/components/import/import-extras";
import { ImportOwners } from "@/components/import/import-owners";
import { ImportOutlineTree } from "@/components/import/import-outline-tree";
import { ImportSummary } from "@/components/import/import-summary";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles, cardStyles, fieldStyles } from "@/components/ui/styles";

/** Paste or upload → preview with counts and tree → create a plan or save a template. */
export function ImportPlanForm() {
  const [preview, previewAction, previewing] = useActionState<ImportPreviewState, FormData>(previewImportAction, { status: "idle" });
  const [created, createAction, creating] = useActionState<ImportCreateState, FormData>(createFromImportAction, {});

  if (preview.status === "preview") {
    return (
      <div className="space-y-6">
        <section className={`${cardStyles} space-y-4 p-5`} aria-labelledby="preview-title">
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Preview: nothing is saved yet</p>
            <h2 id="preview-title" className="mt-1 text-lg font-semibold">
              {preview.title || "Untitled plan"}
            </h2>
          </div>
          <ImportHeaderFields header={preview.extras.header} />
          <ImportSummary summary={preview.summary} />
          {preview.unrecognized.length ? (
            <p role="status" data-testid="kept-as-notes" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
              Kept as notes, not as plan structure: {preview.unrecognized.map((block) => `lines ${block.startLine}–${block.endLine} (${block.kind})`).join("; ")}. They are listed below.
            </p>
          ) : null}
          {preview.warnings.length ? (
            <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
              {preview.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
        </section>

        <section className={`${cardStyles} p-5`} aria-labelledby="tree-title">
          <h3 id="tree-title" className="mb-2 font-medium">
            Sections, steps and commands
          </h3>
          <ImportOutlineTree outline={preview.outline} />
        </section>

        <ImportExtras extras={preview.extras} />

        {preview.unrecognized.length ? (
          <section className={`${cardStyles} border-amber-300 p-5 dark:border-amber-800`} aria-labelledby="unrecognized-title">
            <h3 id="unrecognized-title" className="font-medium">
              Kept as notes, not understood as plan structure
            </h3>
            <ul className="mt-2 space-y-2 text-sm">
              {preview.unrecognized.map((block) => (
                <li key={`${block.startLine}-${block.kind}`}>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    lines {block.startLine}–{block.endLine} ({block.kind})
                  </span>
                  <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{block.raw}</pre>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <form action={createAction} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="markdown" value={preview.markdown} />
          <ImportOwners owners={preview.owners} />
          <FormAlert message={created.error} />
          <button type="submit" name="as" value="plan" className={buttonStyles.primary} disabled={creating}>
            {creating ? "Saving…" : "Create plan"}
          </button>
          <button type="submit" name="as" value="template" className={buttonStyles.secondary} disabled={creating}>
            Save as template
          </button>
          {/* A full page load on purpose: it clears the preview held in the form's action state. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/plans/import" className={buttonStyles.quiet}>
            Start over
          </a>
        </form>
      </div>
    );
  }

  return (
    <form action={previewAction} className={`${cardStyles} space-y-5 p-5`}>
      <FormAlert message={preview.status === "error" ? preview.message : undefined} />
      <div>
        <label htmlFor="file" className={fieldStyles.label}>
          Upload a Markdown file
        </label>
        <div className="mt-1 flex items-center gap-3 rounded-md border border-dashed border-slate-300 p-4 dark:border-slate-700">
          <FileUp aria-hidden className="size-5 text-slate-500" />
          <input id="file" name="file" type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" className="text-sm" />
        </div>
      </div>
      <div>
        <label htmlFor="markdown" className={fieldStyles.label}>
          …or paste it
        </label>
        <textarea
          id="markdown"
          name="markdown"
          rows={12}
          defaultValue={preview.status === "error" ? preview.markdown : undefined}
          placeholder={"# Production Deployment Plan\n\n## Pre-Deployment\n- [ ] Backup taken\n- [ ] Tests passing"}
          className={`${fieldStyles.input} font-mono`}
        />
      </div>
      <button type="submit" className={buttonStyles.primary} disabled={previewing}>
        {previewing ? "Reading…" : "Preview import"}
      </button>
    </form>
  );
}
