import { authenticatedRoute } from "@/lib/http/api-route";
import { exportTemplateAsMarkdown } from "@/lib/templates/export-template";

export const GET = authenticatedRoute<{ templateId: string }>(async ({ params }) => {
  const { fileName, markdown } = await exportTemplateAsMarkdown(params.templateId);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
