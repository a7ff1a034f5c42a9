import { cardStyles } from "@/components/ui/styles";

/** Shown while the dashboard's queries run: the page's outline, so nothing jumps when it arrives. */
export default function DashboardLoading() {
  return (
    <main className="space-y-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" role="status">
          Loading the dashboard…
        </p>
      </div>
      <div className={`${cardStyles} h-28 animate-pulse`} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div className={`${cardStyles} h-48 animate-pulse`} />
        <div className={`${cardStyles} h-48 animate-pulse`} />
      </div>
      <div className={`${cardStyles} h-64 animate-pulse`} />
    </main>
  );
}
