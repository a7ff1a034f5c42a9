import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { errorJson } from "@/lib/http/error-response";
import { MAX_PLAN_BYTES } from "@/lib/import/validate-plan-input";
import { outlineOf } from "@/lib/plans/import-outline";
import { previewPlanImport } from "@/lib/plans/import-plan";

/**
 * POST /api/plans/import/preview — the body is the Markdown document (any text encoding the
 * import page accepts, at most 1 MB); the answer is what importing it would create, saving
 * nothing. Read in a worker thread like every import (422 when it is not a plan, or takes too
 * long to read).
 */
export const POST = authenticatedRoute(async ({ request }) => {
  const bytes = await readBody(request.body, MAX_PLAN_BYTES);
  if (!bytes) return errorJson("bad_request", "This document is larger than 1 MB; plans can be at most 1 MB.", 413);
  const result = await previewPlanImport(bytes);
  return NextResponse.json({
    title: result.document.title,
    summary: result.summary,
    warnings: result.warnings,
    outline: outlineOf(result.document),
  });
});

/** The body, or null as soon as it passes `limit` bytes (the rest is not read). */
async function readBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    length += chunk.value.length;
    if (length > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}
