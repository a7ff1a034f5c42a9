import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { assertDeclaredSizeWithin, readJsonBody } from "@/lib/http/limited-body";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { listTokensOf } from "@/lib/tokens/manage-tokens";
import { createTokenSchema } from "@/lib/tokens/token.schemas";

const MAX_TOKEN_BODY_BYTES = 16 * 1024;

/** The signed-in person's tokens (never their secrets). Tokens cannot list tokens: a session is needed. */
export const GET = authenticatedRoute(
  async ({ user }) => {
    const items = await listTokensOf(user.id);
    return NextResponse.json({ items, nextCursor: null }, { headers: { "Cache-Control": "no-store" } });
  },
  { tokens: false },
);

/** `{name, scope: "read"|"write", expiresInDays, planIds?}` → 201 `{id, token, expiresAt}`; the token is in this answer only. */
export const POST = authenticatedRoute(
  async ({ request, user }) => {
    assertDeclaredSizeWithin(request, MAX_TOKEN_BODY_BYTES);
    const input = createTokenSchema.parse(await readJsonBody(request, MAX_TOKEN_BODY_BYTES));
    const created = await createApiToken(user, input);
    return NextResponse.json({ id: created.id, token: created.token, expiresAt: created.expiresAt.toISOString() }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { tokens: false },
);
