/** What a visitor sees for an unknown or revoked share link (answered with HTTP 404). */
export default function ShareLinkNotFound() {
  return (
    <main className="mx-auto max-w-lg p-8">
      <h1 className="text-xl font-semibold">This link does not work any more</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">It may have been revoked. Ask the plan&apos;s lead for a new link.</p>
    </main>
  );
}
