"use client";

import { useActionState, useState } from "react";
import { changePeopleAction, type PeopleFormState } from "@/app/(app)/plans/[planId]/members/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles, cardStyles, fieldStyles } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";
import type { PlanPeople } from "@/lib/plans/get-plan-people";

const ROLES = [
  ["LEAD", "Lead"],
  ["EXECUTOR", "Executor"],
  ["APPROVER", "Approver"],
  ["VIEWER", "Viewer"],
] as const;

function usePeopleAction(planId: string) {
  return useActionState<PeopleFormState, FormData>(changePeopleAction.bind(null, planId), {});
}

function Outcome({ state }: { state: PeopleFormState }) {
  if (state.error) return <FormAlert message={state.error} />;
  if (state.done) return <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">{state.done}</p>;
  return null;
}

function RoleSelect({ id, defaultValue, disabled }: { id: string; defaultValue: string; disabled?: boolean }) {
  return (
    <select id={id} name="role" defaultValue={defaultValue} disabled={disabled} className={fieldStyles.input}>
      {ROLES.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}

function MemberRow({ planId, member, mayManage, titlesList }: { planId: string; member: PlanPeople["members"][number]; mayManage: boolean; titlesList: string }) {
  const [state, action, pending] = usePeopleAction(planId);
  const id = member.user.id;
  return (
    <li className="py-3" data-testid="member" data-member-email={member.user.email}>
      <form action={action} className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_14rem_14rem_auto] sm:items-end">
        <input type="hidden" name="userId" value={id} />
        <div>
          <p className="text-sm font-medium">{member.user.name}</p>
          <p className="text-xs text-slate-600 dark:text-slate-400">{member.user.email}</p>
        </div>
        <div>
          <label htmlFor={`role-${id}`} className={fieldStyles.label}>
            Role
          </label>
          <RoleSelect id={`role-${id}`} defaultValue={member.role} disabled={!mayManage} />
        </div>
        <TextField id={`titles-${id}`} name="titles" label="Sign-off titles" defaultValue={member.titles.join(", ")} disabled={!mayManage} list={titlesList} placeholder="e.g. QA Lead" />
        {mayManage ? (
          <div className="flex gap-2">
            <button type="submit" name="intent" value="update-member" className={buttonStyles.secondary} disabled={pending}>
              Save
            </button>
            <button type="submit" name="intent" value="remove-member" className={buttonStyles.quiet} disabled={pending}>
              Remove
            </button>
          </div>
        ) : null}
      </form>
      <div className="mt-2">
        <Outcome state={state} />
      </div>
    </li>
  );
}

function AddMember({ planId, titlesList }: { planId: string; titlesList: string }) {
  const [state, action, pending] = usePeopleAction(planId);
  return (
    <form action={action} className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-200 pt-4 sm:grid-cols-[1fr_14rem_14rem_auto] sm:items-end dark:border-slate-800">
      <TextField name="email" id="new-member-email" label="Add a person by email" type="email" required />
      <div>
        <label htmlFor="new-member-role" className={fieldStyles.label}>
          Role
        </label>
        <RoleSelect id="new-member-role" defaultValue="VIEWER" />
      </div>
      <TextField id="new-member-titles" name="titles" label="Sign-off titles" list={titlesList} placeholder="e.g. QA Lead" />
      <button type="submit" name="intent" value="add-member" className={buttonStyles.primary} disabled={pending}>
        Add
      </button>
      <div className="sm:col-span-4">
        <Outcome state={state} />
      </div>
    </form>
  );
}

function ShareLinks({ planId, links, mayManage }: { planId: string; links: PlanPeople["shareLinks"]; mayManage: boolean }) {
  const [state, action, pending] = usePeopleAction(planId);
  const [copied, setCopied] = useState(false);
  const url = state.shareToken ? `${window.location.origin}/share/${state.shareToken}` : null;
  return (
    <div className="space-y-3">
      {mayManage ? (
        <form action={action}>
          <button type="submit" name="intent" value="create-share" className={buttonStyles.primary} disabled={pending}>
            Create a read-only link
          </button>
        </form>
      ) : null}
      <Outcome state={state} />
      {url ? (
        <div className="flex flex-wrap items-center gap-2">
          <input readOnly value={url} aria-label="New share link" data-testid="share-url" className={`${fieldStyles.input} font-mono`} onFocus={(event) => event.target.select()} />
          <button
            type="button"
            className={buttonStyles.secondary}
            onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
          >
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      ) : null}
      {links.length ? (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {links.map((link) => (
            <li key={link.id} className="flex items-center justify-between gap-3 py-2" data-testid="share-link">
              <span>
                Created by {link.createdBy.name}, {link.createdAt.toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC
                {link.revokedAt ? <span className="ml-2 text-slate-600 dark:text-slate-400">— revoked</span> : null}
              </span>
              {mayManage && !link.revokedAt ? (
                <form action={action}>
                  <input type="hidden" name="linkId" value={link.id} />
                  <button type="submit" name="intent" value="revoke-share" className={buttonStyles.quiet} disabled={pending}>
                    Revoke
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No share links yet. A link shows the live plan to people without an account; you can revoke it at any time.</p>
      )}
    </div>
  );
}

function GateSettings({ planId, gate, items, mayManage }: { planId: string; gate: PlanPeople["gates"][number]; items: PlanPeople["items"]; mayManage: boolean }) {
  const [state, action, pending] = usePeopleAction(planId);
  return (
    <form action={action} className="space-y-3 py-3" data-testid="gate-settings" data-gate-title={gate.title}>
      <input type="hidden" name="gateId" value={gate.id} />
      <p className="text-sm font-medium">{gate.title}</p>
      {gate.roles.length ? (
        <div className="flex flex-wrap gap-4">
          {gate.roles.map((role, index) => (
            <div key={role.title}>
              <input type="hidden" name="quorumTitle" value={role.title} />
              <label htmlFor={`quorum-${gate.id}-${index}`} className={fieldStyles.label}>
                {role.title}: signatures needed
              </label>
              <input id={`quorum-${gate.id}-${index}`} name="quorum" type="number" min={1} max={20} defaultValue={role.quorum} disabled={!mayManage} className={`${fieldStyles.input} w-24`} />
            </div>
          ))}
        </div>
      ) : null}
      <div>
        <label htmlFor={`blocks-${gate.id}`} className={fieldStyles.label}>
          Holds back
        </label>
        <select id={`blocks-${gate.id}`} name="blocks" defaultValue={gate.blocks} disabled={!mayManage} className={`${fieldStyles.input} w-auto`}>
          <option value="START">Start: the deployment cannot start until this gate is satisfied</option>
          <option value="COMPLETE">Complete: the deployment cannot be completed until this gate is satisfied</option>
        </select>
      </div>
      <div>
        <label htmlFor={`required-${gate.id}`} className={fieldStyles.label}>
          Items that must be settled before anyone signs
        </label>
        <select id={`required-${gate.id}`} name="requiredItemIds" multiple defaultValue={gate.requiredItemIds} disabled={!mayManage} className={`${fieldStyles.input} h-28`}>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.text}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Ctrl- or Cmd-click to choose several; none means the gate waits for no items.</p>
      </div>
      {mayManage ? (
        <button type="submit" name="intent" value="configure-gate" className={buttonStyles.secondary} disabled={pending}>
          Save gate
        </button>
      ) : null}
      <Outcome state={state} />
    </form>
  );
}

function Settings({ planId, people }: { planId: string; people: PlanPeople }) {
  const [state, action, pending] = usePeopleAction(planId);
  return (
    <form action={action} className="space-y-3 text-sm">
      <label className="flex items-start gap-2">
        <input type="checkbox" name="allowSelfApproval" defaultChecked={people.allowSelfApproval} disabled={!people.mayManage} className="mt-1" />
        <span>
          Let the plan&apos;s leads approve its gates themselves
          <span className="block text-xs text-slate-600 dark:text-slate-400">Off by default: whoever runs a deployment should not be the one who approves it.</span>
        </span>
      </label>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="hideCommandsInShare" defaultChecked={people.hideCommandsInShare} disabled={!people.mayManage} className="mt-1" />
        <span>
          Hide commands from share links
          <span className="block text-xs text-slate-600 dark:text-slate-400">On by default: a link can travel further than the plan&apos;s members.</span>
        </span>
      </label>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="shareShowsDiscussion" defaultChecked={people.shareShowsDiscussion} disabled={!people.mayManage} className="mt-1" />
        <span>
          Share links show discussion: comments, notes and reasons
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            Off by default: links then show progress, status, the checklist and sign-offs, without comments, notes, reasons or who ticked what.
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="monitorAfterRollback" defaultChecked={people.monitorAfterRollback} disabled={!people.mayManage} className="mt-1" />
        <span>
          After a rollback, schedule checks that the rollback holds
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            On by default. The release&apos;s own monitoring checks are never scheduled for a release that was rolled back; turn this off for no checks at all.
          </span>
        </span>
      </label>
      {people.mayManage ? (
        <button type="submit" name="intent" value="settings" className={buttonStyles.secondary} disabled={pending}>
          Save settings
        </button>
      ) : null}
      <Outcome state={state} />
    </form>
  );
}

/** The plan's members page: roles and sign-off titles, share links, sign-off settings. */
export function PlanPeopleEditor({ people }: { people: PlanPeople }) {
  const titlesList = "sign-off-titles";
  return (
    <div className="space-y-6">
      <datalist id={titlesList}>
        {people.signOffTitles.map((title) => (
          <option key={title} value={title} />
        ))}
      </datalist>
      <section aria-labelledby="members-title" className={`${cardStyles} p-4`}>
        <h2 id="members-title" className="text-base font-semibold">
          Members
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Leads edit, run and tick the plan; executors tick and comment; approvers sign and comment; viewers watch.
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Titles decide who signs: only a member holding a title (for example {people.signOffTitles[0] ?? "QA Lead"}) can sign a gate for it. Separate several with commas.
        </p>
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {people.members.map((member) => (
            <MemberRow key={member.user.id} planId={people.id} member={member} mayManage={people.mayManage} titlesList={titlesList} />
          ))}
        </ul>
        {people.mayManage ? <AddMember planId={people.id} titlesList={titlesList} /> : null}
      </section>
      <section aria-labelledby="share-title" className={`${cardStyles} p-4`}>
        <h2 id="share-title" className="mb-3 text-base font-semibold">
          Share links
        </h2>
        <ShareLinks planId={people.id} links={people.shareLinks} mayManage={people.mayManage} />
      </section>
      {people.gates.length ? (
        <section aria-labelledby="gates-settings-title" className={`${cardStyles} p-4`}>
          <h2 id="gates-settings-title" className="text-base font-semibold">
            Gates
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">How many holders of each title must approve, and what must be done before anyone signs.</p>
          <div className="divide-y divide-slate-100 dark:divide-slate-800">
            {people.gates.map((gate) => (
              <GateSettings key={gate.id} planId={people.id} gate={gate} items={people.items} mayManage={people.mayManage} />
            ))}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="settings-title" className={`${cardStyles} p-4`}>
        <h2 id="settings-title" className="mb-3 text-base font-semibold">
          Sign-off settings
        </h2>
        <Settings planId={people.id} people={people} />
      </section>
    </div>
  );
}
