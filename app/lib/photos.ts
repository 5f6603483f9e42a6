// Photo rules shared by the phone (which resizes before upload) and the server (which checks content).
import type { FieldProblem } from "./problems";

/** Largest photo the server takes. The phone resizes to PHOTO_MAX_EDGE first, so real uploads are far smaller. */
export const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
/** Longest edge after the phone resizes a camera photo: a C1 form stays readable, the upload stays small. */
export const PHOTO_MAX_EDGE = 1600;
export const PHOTO_PURPOSES = ["c1", "incident", "other"] as const;
export type PhotoPurpose = (typeof PHOTO_PURPOSES)[number];

/** The image type by its first bytes (never by the name or the declared type): JPEG, PNG or WebP, else null. */
export function sniffImage(bytes: Uint8Array): "image/jpeg" | "image/png" | "image/webp" | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  return null;
}

/** Largest photo accepted, in pixels: a C.Hasil page scanned at 300 dpi is about 9 megapixels and the phone
 *  resizes to PHOTO_MAX_EDGE, while a small file can claim a huge image (a 20,000 × 20,000 PNG of a few
 *  hundred KB) that would take gigabytes to show to a reviewer. docs/decisions/029-each-person-sees-their-own.md */
export const MAX_PHOTO_MEGAPIXELS = 32;
export const MAX_PHOTO_SIDE = 10_000;

/** Width and height as the image's own header states them (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X); null
 *  when the header cannot be read. Nothing is decoded. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const u16be = (i: number) => (bytes[i] << 8) | bytes[i + 1];
  const u16le = (i: number) => bytes[i] | (bytes[i + 1] << 8);
  const u24le = (i: number) => bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16);
  const u32be = (i: number) => ((bytes[i] << 24) >>> 0) + ((bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]);
  const text = (i: number, n: number) => String.fromCharCode(...bytes.subarray(i, i + n));
  const size = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : null);
  switch (sniffImage(bytes)) {
    case "image/png":
      return bytes.length >= 24 && text(12, 4) === "IHDR" ? size(u32be(16), u32be(20)) : null;
    case "image/webp": {
      const chunk = text(12, 4);
      if (chunk === "VP8X" && bytes.length >= 30) return size(1 + u24le(24), 1 + u24le(27));
      if (chunk === "VP8L" && bytes.length >= 25 && bytes[20] === 0x2f)
        return size(
          1 + (bytes[21] | ((bytes[22] & 0x3f) << 8)),
          1 + ((bytes[22] >> 6) | (bytes[23] << 2) | ((bytes[24] & 0x0f) << 10)),
        );
      if (chunk === "VP8 " && bytes.length >= 30 && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a)
        return size(u16le(26) & 0x3fff, u16le(28) & 0x3fff);
      return null;
    }
    case "image/jpeg": {
      // Walk the segments to the first start-of-frame marker (SOF0-15 but DHT C4, JPG C8, DAC CC).
      for (let i = 2; i + 9 < bytes.length;) {
        if (bytes[i] !== 0xff) return null;
        const marker = bytes[i + 1];
        if (marker === 0xff) {
          i++;
          continue;
        }
        if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
          return size(u16be(i + 7), u16be(i + 5));
        if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
          i += 2;
          continue;
        }
        if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame
        i += 2 + u16be(i + 2);
      }
      return null;
    }
    default:
      return null;
  }
}

/** Why a photo's pixels are refused (a field problem for `field`, 422), or null when its size is within the
 *  bounds. */
export function photoPixelProblem(bytes: Uint8Array, field = "photo"): FieldProblem | null {
  const dims = imageSize(bytes);
  if (!dims) return { field, code: "unreadable", key: "visibility.photoUnreadable" };
  const { width, height } = dims;
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE || width * height > MAX_PHOTO_MEGAPIXELS * 1_000_000)
    return {
      field,
      code: "too_many_pixels",
      key: "visibility.photoTooManyPixels",
      params: { width, height, max: MAX_PHOTO_MEGAPIXELS, edge: MAX_PHOTO_SIDE },
    };
  return null;
}
