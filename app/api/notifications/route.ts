import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { listNotifications, notificationsQuerySchema, unreadNotificationCount } from "@/lib/notifications/user-notifications";

/** The signed-in person's notifications, newest first, a page at a time, with the unread count for the bell. A session only: notifications span plans a token may not. */
export const GET = authenticatedRoute(
  async ({ request, user }) => {
    const query = notificationsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const [page, unreadCount] = await Promise.all([listNotifications(user.id, { cursor: query.cursor }), unreadNotificationCount(user.id)]);
    return NextResponse.json({ ...page, unreadCount }, { headers: { "Cache-Control": "no-store" } });
  },
  { tokens: false },
);
