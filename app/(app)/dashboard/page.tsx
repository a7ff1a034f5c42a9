import type { Metadata } from "next";
import { DashboardFiltersForm } from "@/components/dashboard/dashboard-filters-form";
import { DashboardLiveRefresh } from "@/components/dashboard/dashboard-live-refresh";
import { FinishedTrends } from "@/components/dashboard/finished-trends";
import { MonitoringChecksDue } from "@/components/dashboard/monitoring-checks-due";
import { RecentlyFinished } from "@/components/dashboard/recently-finished";
import { RunningNow } from "@/components/dashboard/running-now";
import { UpcomingWindows } from "@/components/dashboard/upcoming-windows";
import { NeedsYouSection } from "@/components/needs-you/needs-you-section";
import { FormAlert } from "@/components/ui/form-alert";
import { requireUser } from "@/lib/auth/current-user";
import { hasActiveFilters, parseDashboardFilters, type SearchParams } from "@/lib/dashboard/dashboard-filters";
import { loadDashboard } from "@/lib/dashboard/load-dashboard";
import { loadNeedsYou } from "@/lib/needs-you/load-needs-you";

export const metadata: Metadata = { title: "Dashboard" };

/** Every plan the viewer may see at a glance: what runs now, what comes next, what just finished, and how it has been going. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const { filters, problems } = parseDashboardFilters(await searchParams);
  const [dashboard, waiting] = await Promise.all([loadDashboard(user, filters), loadNeedsYou(user.id)]);
  const now = new Date(dashboard.generatedAt);
  const filtered = hasActiveFilters(filters);
  return (
    <main className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {user.role === "ADMIN" ? "Every plan on this instance." : "The plans you take part in."} Running, upcoming and finished deployments, and how they went.
          </p>
        </div>
        <DashboardLiveRefresh />
      </div>
      <NeedsYouSection waiting={waiting} />
      <DashboardFiltersForm filters={filters} options={dashboard.options} active={filtered} />
      <FormAlert message={problems.length ? `Some filters could not be used. ${problems.join(" ")}` : undefined} />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <RunningNow plans={dashboard.running} now={now} filtered={filtered} />
          <MonitoringChecksDue due={dashboard.dueChecks} now={now} filtered={filtered} />
        </div>
        <UpcomingWindows plans={dashboard.upcoming} now={now} filtered={filtered} />
      </div>
      <RecentlyFinished plans={dashboard.recentlyFinished} filtered={filtered} />
      <FinishedTrends metrics={dashboard.metrics} filtered={filtered} />
    </main>
  );
}
