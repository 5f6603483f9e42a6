// "A new version is ready": shown when an updated service worker waits. Updating reloads the page; unsent
// reports stay in the outbox (IndexedDB) and form drafts are kept, so nothing is lost.
import { useEffect, useState } from "react";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";
import { applyUpdate, onUpdateWaiting, updateWaiting } from "~/lib/sw-client";

export function UpdatePrompt() {
  const t = useT(commonMessages);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(updateWaiting());
    return onUpdateWaiting(() => setReady(true));
  }, []);
  if (!ready) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t("pwa.updateReady")}</span>
      <button type="button" className="primary" onClick={applyUpdate}>
        {t("pwa.updateNow")}
      </button>
    </div>
  );
}
