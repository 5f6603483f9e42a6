import { useState, type ReactNode } from "react";
import type { IncidentData } from "~/lib/events";
import type { FeedItem } from "~/lib/incident-feed";
import { limitsMessages } from "~/lib/messages/limits";
import { useT } from "~/lib/use-t";

/** Lines of the feed shown at first, and added by each "show more": a flood never renders thousands of cards. */
export const FEED_PAGE = 20;

/**
 * Feed lines a page at a time; a line with near-identical reports shows its first card and how many are like
 * it, the others on request (docs/decisions/030-guessing-and-flooding.md).
 */
export function FeedItems({ items, card }: { items: FeedItem[]; card: (incident: IncidentData) => ReactNode }) {
  const t = useT(limitsMessages);
  const [shown, setShown] = useState(FEED_PAGE);
  return (
    <>
      {items.slice(0, shown).map((item) => (
        <FeedLine key={item.lead.id} item={item} card={card} />
      ))}
      {items.length > shown ? (
        <button
          type="button"
          className="link-like"
          data-testid="feed-more"
          onClick={() => setShown((n) => n + FEED_PAGE)}
        >
          {t("flood.more", { count: Math.min(FEED_PAGE, items.length - shown) })}
        </button>
      ) : null}
    </>
  );
}

function FeedLine({ item, card }: { item: FeedItem; card: (incident: IncidentData) => ReactNode }) {
  const t = useT(limitsMessages);
  const [open, setOpen] = useState(false);
  if (!item.similar.length) return <>{card(item.lead)}</>;
  return (
    <div className="feed-group" data-testid="feed-group" data-similar={item.similar.length}>
      {card(item.lead)}
      <p className="small">
        <strong>{t("flood.similar", { count: item.similar.length })}</strong>{" "}
        <button type="button" className="link-like" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t("flood.hideSimilar") : t("flood.showSimilar")}
        </button>
      </p>
      {open ? <FeedItems items={item.similar.map((lead) => ({ lead, similar: [] }))} card={card} /> : null}
    </div>
  );
}
