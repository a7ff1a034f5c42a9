import type { OutlineExtras } from "@/lib/plans/import-outline";
import { cardStyles } from "@/components/ui/styles";

const TABLE_NAMES = { timeline: "Timeline", risks: "Risks", contacts: "Contacts", monitoring: "Monitoring schedule", generic: "Table" } as const;
const GATE_NAMES = { "go-no-go": "Go/No-Go decision", "pre-deployment": "Pre-deployment sign-off", "post-deployment": "Post-deployment sign-off", "sign-off": "Sign-off" } as const;

/** The plan fields the header gives, as the new plan will have them; a field the header leaves out says so. */
export function ImportHeaderFields({ header }: { header: OutlineExtras["header"] }) {
  const rows: [string, string | null][] = [
    ["Environment", header.environment],
    ["Window", header.window],
    ["Window length", header.lengthMinutes !== null ? `${header.lengthMinutes} min` : null],
    ["Lead", header.lead],
    ["Change ticket", header.changeTicket],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" aria-label="Plan fields from the header">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
          <dd data-field={label}>{value ?? <span className="text-slate-500">not in the document</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The tables, gates and rollback triggers the document gives, as read. */
export function ImportExtras({ extras }: { extras: OutlineExtras }) {
  return (
    <>
      {extras.gates.length || extras.triggers.length ? (
        <section className={`${cardStyles} space-y-3 p-5`} aria-labelledby="preview-gates-title">
          <h3 id="preview-gates-title" className="font-medium">
            Gates and rollback triggers
          </h3>
          {extras.gates.length ? (
            <ul className="space-y-1 text-sm" aria-label="Gates">
              {extras.gates.map((gate) => (
                <li key={gate.id}>
                  <span className="font-medium">{gate.label ?? GATE_NAMES[gate.kind]}</span>
                  {gate.decisionMaker ? ` — decided by ${gate.decisionMaker}` : ""}
                  {gate.roles.length ? ` — signed by ${gate.roles.join(", ")}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {extras.triggers.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm" aria-label="Rollback triggers">
              {extras.triggers.map((trigger, index) => (
                <li key={index}>
                  {trigger.text}
                  {trigger.mode !== "unspecified" ? <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">({trigger.mode})</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      {extras.tables.map((table) => (
        <section key={table.id} className={`${cardStyles} p-5`} aria-label={`${TABLE_NAMES[table.kind]} table`}>
          <h3 className="mb-2 font-medium">{TABLE_NAMES[table.kind]}</h3>
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr>
                  {table.header.map((cell, index) => (
                    <th key={index} scope="col" className="border-b border-slate-200 py-1 pr-3 text-xs font-medium text-slate-600 dark:border-slate-800 dark:text-slate-400">
                      {cell}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, rowIndex) => (
                  <tr key={rowIndex} className="border-b border-slate-100 dark:border-slate-800">
                    {row.map((cell, index) => (
                      <td key={index} className="py-1 pr-3 align-top">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {table.more ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">…and {table.more} more rows</p> : null}
        </section>
      ))}
    </>
  );
}
