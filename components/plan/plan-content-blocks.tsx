import { MarkdownBlock } from "@/components/markdown/user-markdown";
import type { ContentBlock, SignoffBlock } from "@/lib/plans/plan-content";
import { telHref } from "@/lib/plans/plan-content";
import type { GateRoleStatus } from "@/lib/signoffs/gate-rules";

/**
 * The parts of a plan's document other than its items: each block renders only what it
 * holds (the view model leaves empty parts out), so a section with nothing shows nothing.
 */
export function PlanContentBlocks({ blocks, roleStateOf }: {
  blocks: readonly ContentBlock[];
  /** The live state of a sign-off role, when the page has one. */
  roleStateOf?: (gateId: string, title: string) => GateRoleStatus["state"] | undefined;
}) {
  if (!blocks.length) return null;
  return (
    <div className="mt-2 space-y-3 text-sm">
      {blocks.map((block, index) => (
        <ContentBlockView key={index} block={block} roleStateOf={roleStateOf} />
      ))}
    </div>
  );
}

const tableStyles = "w-full min-w-[28rem] text-left text-sm";
const headStyles = "border-b border-slate-300 py-1 pr-3 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400";
const cellStyles = "border-b border-slate-100 py-1 pr-3 align-top dark:border-slate-800";

function ContentBlockView({ block, roleStateOf }: { block: ContentBlock; roleStateOf?: (gateId: string, title: string) => GateRoleStatus["state"] | undefined }) {
  switch (block.kind) {
    case "notes":
      return <MarkdownBlock text={block.markdown} className="text-slate-700 dark:text-slate-300" />;
    case "fields":
      return (
        <dl className="grid grid-cols-[minmax(0,12rem)_1fr] gap-x-3 gap-y-1" data-testid="plan-fields">
          {block.fields.map((field, index) => (
            <div key={index} className="contents">
              <dt className="text-slate-600 dark:text-slate-400">{field.key}</dt>
              <dd className="min-w-0 break-words">{field.value}</dd>
            </div>
          ))}
        </dl>
      );
    case "triggers":
      return (
        <div data-testid="rollback-triggers">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-amber-800 dark:text-amber-300">Roll back when</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {block.triggers.map((trigger, index) => (
              <li key={index}>
                {trigger.text}
                {trigger.mode !== "unspecified" ? <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">({trigger.mode})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      );
    case "timeline":
      return (
        <ScrollingTable label="Timeline" testId="timeline-table" {...withExtraColumns(["When", "Activity", "Duration", "Owner", "Status"], block.rows,
          (row) => [row.offset?.raw ?? row.time ?? "", row.activity, row.duration ?? "", row.owner ?? "", row.status ?? ""])} />
      );
    case "risks":
      return (
        <ScrollingTable label="Risks" testId="risks-table" {...withExtraColumns(["Risk", "Probability", "Impact", "Mitigation", "Owner"], block.rows,
          (row) => [row.risk, row.probability ?? "", row.impact ?? "", row.mitigation ?? "", row.owner ?? ""])} />
      );
    case "monitoring":
      return (
        <ScrollingTable label="Monitoring schedule" testId="monitoring-table" {...withExtraColumns(["Window", "Frequency", "Owner", "Checks"], block.rows,
          (row) => [row.window ?? "", row.frequency ?? "", row.owner ?? "", row.checks ?? ""])} />
      );
    case "table":
      return <ScrollingTable label="Table" testId="document-table" header={block.header} rows={block.rows} />;
    case "contacts":
      return (
        <ol className="space-y-2" data-testid="contacts">
          {block.rows.map((contact, index) => {
            const tel = contact.phone ? telHref(contact.phone) : null;
            return (
              <li key={index} className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
                <span className="font-medium">{contact.name.trim() && !/^_+$/.test(contact.name.trim()) ? contact.name : "Nobody named yet"}</span>
                {contact.role ? <span className="text-slate-600 dark:text-slate-400"> · {contact.role}</span> : null}
                {contact.order !== undefined ? <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">level {contact.order}</span> : null}
                {contact.responsibility ? <span className="block text-xs text-slate-600 dark:text-slate-400">{contact.responsibility}</span> : null}
                <span className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                  {contact.phone ? (
                    tel ? (
                      <a href={tel} className="inline-flex min-h-11 items-center text-indigo-700 underline dark:text-indigo-300">
                        {contact.phone}
                      </a>
                    ) : (
                      <span>{contact.phone}</span>
                    )
                  ) : null}
                  {contact.email ? (
                    <a href={`mailto:${contact.email}`} className="inline-flex min-h-11 items-center text-indigo-700 underline dark:text-indigo-300">
                      {contact.email}
                    </a>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ol>
      );
    case "comms":
      return (
        <figure className="rounded-md border border-slate-200 dark:border-slate-800" data-testid="comms-template">
          <figcaption className="border-b border-slate-200 px-3 py-1 text-xs font-semibold dark:border-slate-800">
            {block.template.name}
            {block.template.audience ? <span className="font-normal text-slate-600 dark:text-slate-400"> · to {block.template.audience}</span> : null}
          </figcaption>
          {block.template.subject ? (
            <p className="px-3 pt-2">
              <span className="text-slate-600 dark:text-slate-400">Subject: </span>
              {block.template.subject}
            </p>
          ) : null}
          {block.template.body.trim() ? <pre className="overflow-x-auto whitespace-pre-wrap px-3 py-2 font-sans">{block.template.body}</pre> : null}
        </figure>
      );
    case "signoff":
      return <SignoffBlockView gate={block.gate} roleStateOf={roleStateOf} />;
    case "kept":
      return (
        <pre className="overflow-x-auto whitespace-pre-wrap rounded-md bg-slate-50 px-3 py-2 font-mono text-xs dark:bg-slate-950" aria-label="Kept as written">
          {block.raw}
        </pre>
      );
  }
}

const ROLE_STATE = { signed: "Signed", pending: "Pending", rejected: "Rejected", stale: "Stale" } as const;

function SignoffBlockView({ gate, roleStateOf }: { gate: SignoffBlock; roleStateOf?: (gateId: string, title: string) => GateRoleStatus["state"] | undefined }) {
  return (
    <div data-testid="signoff-block">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{gate.label ?? "Sign-off"}</h3>
      {gate.decisionMaker ? <p>Decided by {gate.decisionMaker}{gate.decisionOptions.length ? `: ${gate.decisionOptions.join(" / ")}` : ""}</p> : null}
      {gate.roles.length ? (
        <ul className="mt-1 space-y-0.5">
          {gate.roles.map((role) => {
            const state = gate.gateId ? roleStateOf?.(gate.gateId, role.role) : undefined;
            return (
              <li key={role.role} className="flex justify-between gap-3">
                <span>
                  {role.role}
                  {role.required ? "" : <span className="text-slate-600 dark:text-slate-400"> (optional)</span>}
                </span>
                {state ? <span className={state === "signed" ? "text-emerald-700 dark:text-emerald-400" : state === "rejected" ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}>{ROLE_STATE[state]}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** The known columns of a typed table, then any other columns its rows carry, in first-seen order. */
function withExtraColumns<Row extends { extra: { key: string; value: string }[] }>(known: string[], rows: readonly Row[], cells: (row: Row) => string[]): { header: string[]; rows: string[][] } {
  const extraKeys = [...new Set(rows.flatMap((row) => row.extra.map((field) => field.key)))];
  return {
    header: [...known, ...extraKeys],
    rows: rows.map((row) => [...cells(row), ...extraKeys.map((key) => row.extra.find((field) => field.key === key)?.value ?? "")]),
  };
}

/** A table that scrolls sideways inside its card rather than widening the page. */
function ScrollingTable({ label, testId, header, rows }: { label: string; testId: string; header: string[]; rows: string[][] }) {
  // Columns empty in every row are left out.
  const columns = header.map((_, column) => column).filter((column) => rows.some((row) => row[column]?.trim()));
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      <table className={tableStyles} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={headStyles}>
                {header[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column} className={cellStyles}>
                  {row[column]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
