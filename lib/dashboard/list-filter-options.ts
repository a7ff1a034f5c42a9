import { db } from "@/lib/db";
import { visiblePlansWhere, type DashboardViewer } from "@/lib/dashboard/dashboard-scope";

export interface FilterOptions {
  environments: string[];
  leads: string[];
}

/**
 * The environments and deploy leads named on the plans the viewer may see, for the filter
 * selects. Drawn before the filters apply, so choosing one environment still offers the others.
 */
export async function listFilterOptions(viewer: DashboardViewer): Promise<FilterOptions> {
  const visible = visiblePlansWhere(viewer);
  const [environments, leads] = await Promise.all([
    db().plan.groupBy({ by: ["environment"], where: { AND: [visible, { environment: { not: null } }] }, orderBy: { environment: "asc" } }),
    db().plan.groupBy({ by: ["deployLead"], where: { AND: [visible, { deployLead: { not: null } }] }, orderBy: { deployLead: "asc" } }),
  ]);
  return {
    environments: environments.flatMap(({ environment }) => (environment?.trim() ? [environment] : [])),
    leads: leads.flatMap(({ deployLead }) => (deployLead?.trim() ? [deployLead] : [])),
  };
}
