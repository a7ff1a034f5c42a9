import { Logo } from "@/components/layout/logo";
import { cardStyles } from "@/components/ui/styles";

/** The frame of the signed-out pages: centred, one card, works from a phone up. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8 text-xl" />
      <section className={`${cardStyles} w-full max-w-sm p-6 sm:p-8`}>
        <h1 className="text-lg font-semibold">{title}</h1>
        {subtitle ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{subtitle}</p> : null}
        <div className="mt-6">{children}</div>
      </section>
    </main>
  );
}
