import { authenticatedRoute } from "@/lib/http/api-route";
import { exportPlanCalendar } from "@/lib/timeline/export-calendar";

export const GET = authenticatedRoute<{ planId: string }>(async ({ params, user, request }) => {
  const { fileName, ics } = await exportPlanCalendar(params.planId, user, new URL(request.url).origin);
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
