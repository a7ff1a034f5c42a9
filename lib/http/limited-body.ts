import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/errors";
import type { HeaderReader } from "@/lib/http/header-reader";

/** The largest plan change accepted, over HTTP and (plus its envelope) the socket. */
export const MAX_CHANGE_BODY_BYTES = 64 * 1024;

const TOO_LARGE = (limit: number) => `The request is larger than ${Math.round(limit / 1024)} KB, which is the most this request may be. Send a shorter text.`;

/** Refuses a request whose Content-Length is over the limit, before any of its body is read. */
export function assertDeclaredSizeWithin(request: { headers: HeaderReader }, limit: number): void {
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
  async function* chunks() {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  return parseJson(await collectWithin(chunks(), limit, () => void reader.cancel().catch(() => {})));
}

/**
 * The same for a Node request (the custom server's fast path, lib/http/fast-changes-route.ts):
 * the same limits and the same answers. Node gives an empty stream where Fetch gives no body,
 * which the JSON parse refuses as invalid.
 */
export async function readNodeJsonBody(request: IncomingMessage, headers: HeaderReader, limit: number = MAX_CHANGE_BODY_BYTES): Promise<unknown> {
  assertDeclaredSizeWithin({ headers }, limit);
  // A refusal stops reading without destroying the request (a plain `for await` would close the
  // socket before the 413 is out); the caller drains the rest after answering (fast-changes-route.ts).
  const chunks = request.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>;
  return parseJson(await collectWithin(chunks, limit, () => {}));
}

/** The bytes of `chunks`, refused (after `stop`) as soon as they pass `limit`. */
async function collectWithin(chunks: AsyncIterable<Uint8Array>, limit: number, stop: () => void): Promise<Uint8Array> {
  const kept: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of chunks) {
    received += chunk.byteLength;
    if (received > limit) {
      stop();
      throw new AppError("too_large", TOO_LARGE(limit));
    }
    kept.push(chunk);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of kept) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function parseJson(bytes: Uint8Array): unknown {
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
