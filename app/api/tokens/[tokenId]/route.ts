import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { revokeToken } from "@/lib/tokens/manage-tokens";
import { tokenIdSchema } from "@/lib/tokens/token.schemas";

/** Revokes a token (its owner or an administrator); the next request with it answers 401. */
export const DELETE = authenticatedRoute<{ tokenId: string }>(
  async ({ params, user }) => {
    const token = await revokeToken(user, tokenIdSchema.parse(params.tokenId));
    return NextResponse.json({ token });
  },
  { tokens: false },
);
