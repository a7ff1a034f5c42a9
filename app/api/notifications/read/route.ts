import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { assertDeclaredSizeWithin, readJsonBody } from "@/lib/http/limited-body";
import { markNotificationsRead, markReadSchema } from "@/lib/notifications/user-notifications";

const MAX_READ_BODY_BYTES = 16 * 1024;

/** `{ids}` or `{all: true}` → `{unreadCount}`; only the caller's own notifications change. */
export const POST = authenticatedRoute(
  async ({ request, user }) => {
    assertDeclaredSizeWithin(request, MAX_READ_BODY_BYTES);
    const which = markReadSchema.parse(await readJsonBody(request, MAX_READ_BODY_BYTES));
    return NextResponse.json(await markNotificationsRead(user.id, which), { headers: { "Cache-Control": "no-store" } });
  },
  { tokens: false },
);
