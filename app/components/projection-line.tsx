// The projection next to the running count on the command post: estimate ± 95% margin per candidate from
// the sampled TPS that reported. The page brings the first one; refetched (at most every few seconds)
// whenever the count of TPS in changes.
import { useEffect, useRef, useState } from "react";
import type { Projection } from "~/lib/projection";
import { projectionMessages } from "~/lib/messages/projection";
import { formatEstimate } from "~/lib/format";
import { useLang, useT } from "~/lib/use-t";

export function ProjectionLine({
  contest,
  candidates,
  reported,
  initial,
}: {
  contest: string;
  candidates: { number: number }[];
  reported: number;
  initial: Projection | null;
}) {
  const t = useT(projectionMessages);
  const lang = useLang();
  const [projection, setProjection] = useState<Projection | null>(initial);
  // The count the shown projection was read at: the page's own first, so opening the page asks nothing more.
  const readAt = useRef<number | null>(reported);
  useEffect(() => {
    if (readAt.current === reported) return;
    readAt.current = reported;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        fetch(`/api/v1/projection?contest=${encodeURIComponent(contest)}`, {
          signal: controller.signal,
          credentials: "same-origin",
        })
          .then((r) => (r.ok ? r.json() : null))
          .then((body: { contests: Record<string, Projection | null> } | null) => {
            if (body) setProjection(body.contests[contest] ?? null);
          })
          .catch(() => {});
      },
      reported ? 1500 : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [contest, reported]);
  if (!projection || projection.sampleSize === 0) return null;
  return (
    <p className="small projection-line" data-testid={`projection-${contest}`}>
      <strong>{t("public.projection")}</strong>{" "}
      {projection.reported === 0
        ? "—"
        : candidates.map((k) => {
            const e = projection.candidates.find((x) => x.number === String(k.number));
            return e ? (
              <span key={k.number}>
                {k.number}: {formatEstimate(e.estimate, e.margin, lang)}{" "}
              </span>
            ) : null;
          })}
      <span className="muted">
        ({t("admin.projection.sampleIn", { reported: projection.reported, size: projection.sampleSize })})
      </span>
    </p>
  );
}
