// One quiet line on the officer's home: "getting ready to work without signal…" until the service worker
// has the officer's screens and pages, then "ready to use without signal" (or that it is not, yet).
import { useEffect, useState } from "react";
import { offlineMessages } from "~/lib/messages/offline";
import type { OfflineState } from "~/lib/offline-kit";
import { prepareOffline } from "~/lib/sw-client";
import { useT } from "~/lib/use-t";

export function OfflineReadiness() {
  const t = useT(offlineMessages);
  const [state, setState] = useState<OfflineState | null>(null);
  useEffect(() => prepareOffline(setState), []);
  if (!state) return null;
  return (
    <p className={`offline-state offline-${state}`} role="status" data-testid="offline-state" data-state={state}>
      {t(`offline.${state}`)}
    </p>
  );
}
