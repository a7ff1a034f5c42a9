import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { listPlansForUser } from "@/lib/plans/list-plans";

export const GET = authenticatedRoute(async ({ user }) => {
  const plans = await listPlansForUser(user);
  return NextResponse.json({ plans });
});
