// Camera photos are several megabytes; on a weak network that is minutes per photo. The phone scales them
// to PHOTO_MAX_EDGE and re-encodes as JPEG before they enter the outbox.
import { MAX_PHOTO_BYTES, PHOTO_MAX_EDGE } from "./photos";

export async function resizePhoto(file: Blob): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, PHOTO_MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.82));
    if (blob && blob.size > 0) return blob;
  } catch {
    // A format the browser cannot decode: send it as it is if the server would take it.
  }
  if (file.size > MAX_PHOTO_BYTES) throw new Error("too_large");
  return file;
}
