import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getPlanForUser } from "@/lib/plans/get-plan";

/**
 * For pages: the signed-in user and the plan, or Next's 404 page when the plan does not exist
 * or is not theirs to see (the same answer for both, as everywhere).
 */
export async function requirePlanForPage(planId: string) {
  const user = await requireUser();
  try {
    return { user, plan: await getPlanForUser(planId, user) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
