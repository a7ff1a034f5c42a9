import { authenticatedRoute } from "@/lib/http/api-route";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";

export const GET = authenticatedRoute<{ planId: string }>(async ({ params, user }) => {
  const { fileName, markdown } = await exportPlanAsMarkdown(params.planId, user);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
