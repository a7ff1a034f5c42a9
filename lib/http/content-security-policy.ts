/**
 * The Content-Security-Policy for pages. Scripts run only with this request's nonce (Next
 * applies it to its own scripts); 'strict-dynamic' lets those load the chunks they need.
 * Styles allow inline attributes, which React's `style` props produce.
 */
export function contentSecurityPolicy(options: { nonce: string; development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // 'self' covers same-origin WebSockets (socket.io) in current browsers.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
