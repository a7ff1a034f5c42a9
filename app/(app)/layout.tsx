import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/current-user";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <AppHeader user={user} />
      <div className="mx-auto max-w-6xl px-4 py-8">{children}</div>
    </>
  );
}
