// Photo rules shared by the phone (which resizes before upload) and the server (which checks content).

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
