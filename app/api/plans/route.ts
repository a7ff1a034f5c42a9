import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/limited-body";
import { createPlanFromRequest, createPlanRequestSchema, MAX_PLAN_MARKDOWN_CHARS } from "@/lib/plans/create-plan-request";
import { listPlansPage, planPageQuerySchema } from "@/lib/plans/list-plans-page";
import { assertTokenMayCreatePlans } from "@/lib/tokens/authenticate-token";

// Room for a 1 MB document once JSON escapes its newlines and quotes.
const MAX_CREATE_BODY_BYTES = 2 * MAX_PLAN_MARKDOWN_CHARS;

/** The plans the caller can see (a token's plans only, if it names some), newest first: `?cursor&limit` → `{items, nextCursor}`. */
export const GET = authenticatedRoute(async ({ request, user, token }) => {
  const query = planPageQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const page = await listPlansPage(user, query, token?.planIds);
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
});

/** A new plan from a template (`from: "template"` with its fields) or from Markdown (`from: "markdown"`) → 201 `{plan: {id, title}}`. */
export const POST = authenticatedRoute(async ({ request, user, token }) => {
  assertTokenMayCreatePlans(token);
  const input = createPlanRequestSchema.parse(await readJsonBody(request, MAX_CREATE_BODY_BYTES));
  const plan = await createPlanFromRequest(input, user.id);
  return NextResponse.json({ plan }, { status: 201 });
});
