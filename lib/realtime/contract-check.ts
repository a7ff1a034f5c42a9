import { z } from "zod";
import { ackSchemas, serverEventSchemas, type AckPayloads, type ServerEventName, type ServerToClientPayloads } from "@/lib/realtime/socket-contract";

/**
 * The browser's runtime check of what the server sends (socket-contract.ts). In development
 * and tests a message that breaks the contract is reported (console.error) and treated as a
 * failure, so a server that drifted from the client shows up at once instead of as a page
 * that silently misbehaves. Production skips the parse: the types already agree, and every
 * tick reaches every watcher, so the parse would cost on the hot path.
 */
export function checksContract(): boolean {
  // Browser code: Next writes NODE_ENV into the bundle at build time (so production drops the
  // parse), while lib/env.ts reads the server's settings and does not belong in the bundle.
  // eslint-disable-next-line no-restricted-properties
  return process.env.NODE_ENV !== "production";
}

/** An acknowledgement that broke the contract; callers treat it as a failed request. */
export class ContractViolation extends Error {
  constructor(what: string, issues: string) {
    super(`socket contract violation in ${what}: ${issues}`);
    this.name = "ContractViolation";
  }
}

function violation(what: string, schema: z.ZodType, value: unknown): ContractViolation | null {
  if (!checksContract()) return null;
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const error = new ContractViolation(what, z.prettifyError(parsed.error));
  console.error(error.message, value);
  return error;
}

/** Whether a server event may be used: false (and reported) when it breaks the contract. */
export function isValidServerEvent<E extends ServerEventName>(event: E, payload: ServerToClientPayloads[E]): boolean {
  return violation(`the "${event}" event`, serverEventSchemas[event], payload) === null;
}

/** Whether an acknowledgement may be used: false (and reported) when it breaks the contract. */
export function isValidAck<E extends keyof AckPayloads>(event: E, answer: AckPayloads[E]): boolean {
  return violation(`the answer to "${event}"`, ackSchemas[event], answer) === null;
}

/** The acknowledgement, checked: throws ContractViolation (reported) when it breaks the contract. */
export function checkedAck<E extends keyof AckPayloads>(event: E, answer: AckPayloads[E]): AckPayloads[E] {
  const error = violation(`the answer to "${event}"`, ackSchemas[event], answer);
  if (error) throw error;
  return answer;
}
