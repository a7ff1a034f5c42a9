"use client";

import { useState } from "react";
import { FormError, smallButton, useSubmit, type SendPart } from "@/components/document-parts/part-form-kit";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import type { EditorDocumentParts } from "@/lib/document-parts/editor-parts";

type Message = EditorDocumentParts["messages"][number];
const EMPTY = { name: "", audience: "", subject: "", body: "" };

/**
 * A message template as a name, who it goes to, a subject and a body. Blanks such as
 * `[TIME]` become `{{TIME}}` placeholders when saved, as on import. Without `message` the
 * form adds a new one.
 */
export function MessageForm({ message, send }: { message?: Message; send: SendPart }) {
  const [fields, setFields] = useState(message ? { name: message.name, audience: message.audience, subject: message.subject, body: message.body } : EMPTY);
  const { error, setError, busy, submit } = useSubmit(send);
  const prefix = `message-${message?.id ?? "new"}`;
  const field = (key: keyof typeof EMPTY, label: string, max: number) => (
    <div>
      <label htmlFor={`${prefix}-${key}`} className={fieldStyles.label}>
        {label}
      </label>
      {key === "body" ? (
        <textarea id={`${prefix}-${key}`} rows={5} maxLength={max} className={fieldStyles.input} value={fields[key]} onChange={(event) => setFields({ ...fields, [key]: event.target.value })} />
      ) : (
        <input id={`${prefix}-${key}`} maxLength={max} className={fieldStyles.input} value={fields[key]} onChange={(event) => setFields({ ...fields, [key]: event.target.value })} />
      )}
    </div>
  );
  return (
    <form
      aria-label={message ? `Message: ${message.name}` : "New message"}
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!fields.name.trim()) return setError("A message needs a name.");
        const values = { name: fields.name.trim(), audience: fields.audience.trim(), subject: fields.subject.trim(), body: fields.body };
        if (message) await submit({ type: "comms.edit", templateId: message.id, expectedHash: message.hash, ...values });
        else if (await submit({ type: "comms.add", ...values })) setFields(EMPTY);
      }}
    >
      {field("name", message ? "Message name" : "New message name", 200)}
      {field("audience", "To", 200)}
      {field("subject", "Subject", 500)}
      {field("body", "Body", 20_000)}
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonStyles.secondary} disabled={busy}>
          {message ? "Save message" : "Add message"}
        </button>
        {message ? (
          <button type="button" className={smallButton} disabled={busy} onClick={() => void submit({ type: "comms.remove", templateId: message.id, expectedHash: message.hash })}>
            Remove message {message.name}
          </button>
        ) : null}
      </div>
    </form>
  );
}
