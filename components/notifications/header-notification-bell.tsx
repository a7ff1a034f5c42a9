import { NotificationBell } from "@/components/notifications/notification-bell";
import { unreadNotificationCount } from "@/lib/notifications/user-notifications";

/** The bell with its unread count read on the server, so it is right before the socket connects. */
export async function HeaderNotificationBell({ userId }: { userId: string }) {
  return <NotificationBell initialUnread={await unreadNotificationCount(userId)} />;
}
