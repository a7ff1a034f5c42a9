"use client";

import { useState } from "react";
import { FormError, smallButton, useSubmit, type SendPart } from "@/components/document-parts/part-form-kit";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";

/** The rollback triggers as a list: each one reworded or removed in place, a new one added at the end. */
export function TriggersForm({ triggers, send }: { triggers: string[]; send: SendPart }) {
  const [adding, setAdding] = useState("");
  const { error, setError, busy, submit } = useSubmit(send);
  return (
    <div className="space-y-2">
      <ul className="space-y-2">
        {triggers.map((text, index) => (
          <TriggerRow key={`${index}:${text}`} index={index} text={text} send={send} />
        ))}
      </ul>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!adding.trim()) return setError("Describe when to roll back.");
          if (await submit({ type: "trigger.add", text: adding.trim() })) setAdding("");
        }}
      >
        <div className="grow">
          <label htmlFor="new-trigger" className={fieldStyles.label}>
            New rollback trigger
          </label>
          <input id="new-trigger" className={fieldStyles.input} maxLength={1000} value={adding} onChange={(event) => setAdding(event.target.value)} />
        </div>
        <button type="submit" className={buttonStyles.secondary} disabled={busy}>
          Add trigger
        </button>
        <div className="basis-full">
          <FormError message={error} />
        </div>
      </form>
    </div>
  );
}

function TriggerRow({ index, text, send }: { index: number; text: string; send: SendPart }) {
  const [value, setValue] = useState(text);
  const { error, setError, busy, submit } = useSubmit(send);
  const id = `trigger-${index}`;
  return (
    <li>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!value.trim()) return setError("Describe when to roll back, or remove the trigger.");
          await submit({ type: "trigger.edit", index, expectedText: text, text: value.trim() });
        }}
      >
        <div className="grow">
          <label htmlFor={id} className="sr-only">
            Rollback trigger {index + 1}
          </label>
          <input id={id} className={fieldStyles.input} maxLength={1000} value={value} onChange={(event) => setValue(event.target.value)} />
        </div>
        <button type="submit" className={smallButton} disabled={busy || value === text}>
          Save trigger {index + 1}
        </button>
        <button type="button" className={smallButton} disabled={busy} onClick={() => void submit({ type: "trigger.remove", index, expectedText: text })}>
          Remove trigger {index + 1}
        </button>
        <div className="basis-full">
          <FormError message={error} />
        </div>
      </form>
    </li>
  );
}
