import { AppError } from "@/lib/errors";

/** The largest plan change accepted, over HTTP and (plus its envelope) the socket. */
export const MAX_CHANGE_BODY_BYTES = 64 * 1024;

const TOO_LARGE = (limit: number) => `The request is larger than ${Math.round(limit / 1024)} KB, which is the most a change may be. Send a shorter text.`;

/** Refuses a request whose Content-Length is over the limit, before any of its body is read. */
export function assertDeclaredSizeWithin(request: Request, limit: number): void {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw new AppError("too_large", TOO_LARGE(limit));
}

/**
 * A request's JSON body, read only up to `limit` bytes: a Content-Length over the limit is
 * refused before anything is read, and a body without one (chunked) is refused as soon as
 * the bytes read pass the limit, so an endless body never sits in memory.
 */
export async function readJsonBody(request: Request, limit: number = MAX_CHANGE_BODY_BYTES): Promise<unknown> {
  assertDeclaredSizeWithin(request, limit);
  if (!request.body) throw new AppError("bad_request", "Send the change as a JSON body.");

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      throw new AppError("too_large", TOO_LARGE(limit));
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The body is not UTF-8 text; send the change as JSON.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON; send the change as a JSON object.");
  }
}
