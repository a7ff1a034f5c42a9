import { NextResponse, type NextRequest } from "next/server";
import { errorJson, errorResponse } from "@/lib/http/error-response";
import { findActiveShareLink } from "@/lib/share/find-share-link";
import { loadSharedLiveState } from "@/lib/share/shared-live-state";

/** The live state behind a read-only share link, as the link shows it, for its page to resync after a long absence. */
export async function GET(_request: NextRequest, segment: { params: Promise<{ token: string }> }) {
  try {
    const link = await findActiveShareLink((await segment.params).token);
    if (!link) return errorJson("not_found", "This share link does not work any more; ask the plan's lead for a new one.", 404);
    const state = await loadSharedLiveState(link.planId);
    if (!state) return errorJson("not_found", "This plan no longer exists.", 404);
    return NextResponse.json({ state }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
