import type { IncomingHttpHeaders } from "node:http";

/**
 * What the request checks read from a request's headers: Fetch's `Headers` has it, and so does
 * a Node request through nodeHeaderReader, so one rule serves Next's route handlers and the
 * custom server's fast path (lib/http/fast-changes-route.ts) alike.
 */
export interface HeaderReader {
  get(name: string): string | null;
}

/** A Node request's headers as a HeaderReader (names are lower case in Node, as `get` expects). */
export function nodeHeaderReader(headers: IncomingHttpHeaders): HeaderReader {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}
