/** The words of the refusals every API route gives, whichever server path answers. */
export const CROSS_SITE_REFUSAL = "This request came from another site and was refused.";
export const SIGN_IN_REFUSAL = "Sign in to use this API.";
