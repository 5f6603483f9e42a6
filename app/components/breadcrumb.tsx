// Where the open area lies in a drill-down (the command post's and the public page's): the regions above it
// from the whole election down, each a link one level up, then the open one.
import { Link } from "@remix-run/react";
import type { RegionSummary } from "~/lib/region-summary";

type Named = RegionSummary["parents"][number] | RegionSummary["area"];

export function Breadcrumb({
  summary,
  href,
  name,
  label,
  testId,
}: {
  summary: { parents: RegionSummary["parents"]; area: Named };
  /** A parent's link; null where the reader may not open it (printed without a link). */
  href: (code: string) => string | null;
  /** How a region (or the root) is printed. */
  name: (area: Named) => string;
  /** The navigation's accessible name. */
  label: string;
  testId: string;
}) {
  return (
    <nav aria-label={label} className="breadcrumb" data-testid={testId}>
      <ol>
        {summary.parents.map((p) => {
          const to = href(p.code);
          return <li key={p.code}>{to === null ? name(p) : <Link to={to}>{name(p)}</Link>}</li>;
        })}
        <li aria-current="page">
          <strong>{name(summary.area)}</strong>
        </li>
      </ol>
    </nav>
  );
}
