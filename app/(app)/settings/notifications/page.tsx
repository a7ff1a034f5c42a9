import type { Metadata } from "next";
import { savePreferencesAction } from "@/app/(app)/settings/notifications/actions";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { requireUser } from "@/lib/auth/current-user";
import { notificationPreferencesOf } from "@/lib/notifications/user-notifications";

export const metadata: Metadata = { title: "Notification settings" };

/** How each kind of notification reaches the signed-in person: by email and in the app, in the app only, or not at all. */
export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const preferences = await notificationPreferencesOf(user.id);
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Notification settings</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Choose how each kind of notification reaches you. In-app notifications appear under the bell at the top of every page; emails go to {user.email}.
        </p>
      </div>
      <NotificationPreferencesForm action={savePreferencesAction} preferences={preferences} />
    </main>
  );
}
