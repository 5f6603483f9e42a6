// The outbox path of a result (JavaScript on), for the quick entry and the complete C.Hasil alike.
import type { QueuedQuickCount } from "~/components/quick-count-form";
import { discard, enqueue } from "~/lib/outbox-client";
import { resizePhoto } from "~/lib/resize-photo";

/**
 * The outbox path (JavaScript on): the C1 photos first, then the quick count, all stored on the phone
 * before anything is sent; then back to the TPS screen, where the outbox shows what is still waiting.
 */
export async function queueQuickCount(
  body: QueuedQuickCount,
  photos: File[],
  {
    account,
    contestName,
    fixing,
    fixUrl,
  }: { account: number | null; contestName: string; fixing: string | null; fixUrl: string },
) {
  for (const file of photos) {
    const photoId = crypto.randomUUID();
    const blob = await resizePhoto(file).catch(() => null);
    if (!blob) continue;
    await enqueue({
      id: photoId,
      kind: "photo",
      url: "/api/v1/photos",
      tps: body.tpsCode,
      account,
      label: `C1 ${contestName}`,
      form: {
        fields: {
          id: photoId,
          purpose: "c1",
          tpsCode: body.tpsCode,
          contest: body.contest,
          quickCountId: body.id,
          capturedAt: body.capturedAt,
        },
        file: blob,
        fileName: `c1-${body.contest}.jpg`,
      },
    });
  }
  await enqueue(
    {
      id: body.id,
      kind: "quick-count",
      url: "/api/v1/quick-counts",
      tps: body.tpsCode,
      account,
      label: contestName,
      body,
      fixUrl,
    },
    { waitMs: 4000 },
  );
  // The fixed item replaces the one the server refused.
  if (fixing) await discard(fixing);
}
