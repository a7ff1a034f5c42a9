import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { readJsonBody, readNodeJsonBody } from "@/lib/http/limited-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://localhost/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readJsonBody", () => {
  it("parses a body within the limit", async () => {
    expect(await readJsonBody(post(JSON.stringify({ type: "item.comment", body: "café" })), 1024)).toEqual({ type: "item.comment", body: "café" });
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(10));
      },
    });
    const error = await refusal(readJsonBody(post(body, { "content-length": "2048" }), 1024));
    expect(error.status).toBe(413);
    expect(error.message).toContain("1 KB");
    // The stream may be primed once by the runtime, never drained.
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it("stops reading an endless body without Content-Length just past the limit", async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024).fill(97));
      },
    });
    const error = await refusal(readJsonBody(post(endless), 64 * 1024));
    expect(error.status).toBe(413);
    expect(sent).toBeLessThan(80 * 1024);
  });

  it("says so when the body is not JSON or not UTF-8", async () => {
    expect((await refusal(readJsonBody(post("{not json"), 1024))).status).toBe(400);
    expect((await refusal(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])), 1024))).message).toContain("UTF-8");
  });
});

describe("readNodeJsonBody", () => {
  const nodeRequest = (chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) => Readable.from(chunks, { objectMode: false }) as unknown as IncomingMessage;

  it("parses a body within the limit, with the same answers as readJsonBody", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ body: "café" }));
    expect(await readNodeJsonBody(nodeRequest([bytes.slice(0, 5), bytes.slice(5)]), new Headers(), 1024)).toEqual({ body: "café" });
    expect((await refusal(readNodeJsonBody(nodeRequest([new TextEncoder().encode("{not json")]), new Headers(), 1024))).status).toBe(400);
    expect((await refusal(readNodeJsonBody(nodeRequest([new Uint8Array([0x7b, 0xff, 0x7d])]), new Headers(), 1024))).message).toContain("UTF-8");
    expect((await refusal(readNodeJsonBody(nodeRequest([]), new Headers(), 1024))).status).toBe(400);
  });

  it("refuses a declared size over the limit before reading, and an endless body just past it, without destroying the request", async () => {
    let sent = 0;
    async function* endless() {
      for (;;) {
        sent += 1024;
        yield new Uint8Array(1024).fill(97);
      }
    }
    const declared = nodeRequest(endless());
    expect((await refusal(readNodeJsonBody(declared, new Headers({ "content-length": "2048" }), 1024))).status).toBe(413);
    expect(sent).toBe(0);
    const streamed = nodeRequest(endless());
    const error = await refusal(readNodeJsonBody(streamed, new Headers(), 64 * 1024));
    expect(error.status).toBe(413);
    expect(sent).toBeLessThan(100 * 1024);
    // The connection must still carry the 413 out.
    expect(streamed.destroyed).toBe(false);
  });
});
