import { cardStyles } from "@/components/ui/styles";

/** A titled card; the heading names the region for assistive technology (and for tests). */
export function DashboardSection({
  id,
  title,
  aside,
  className = "",
  children,
}: {
  id: string;
  title: string;
  aside?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={`${cardStyles} ${className}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        {aside ? <div className="text-xs text-slate-600 dark:text-slate-400">{aside}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** What an empty section says: why it is empty and what would fill it. */
export function SectionEmpty({ children }: { children: React.ReactNode }) {
  return <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">{children}</p>;
}
