// What the field sends besides results: C1 and incident photos (multipart fields), responders' positions,
// and the SMS gateway's webhook.
import { z } from "zod";
import { PHOTO_PURPOSES } from "../photos";
import { accuracy, contestCode, latitude, longitude, string, timestamp, tpsCode, uuid } from "./atoms";

/** The text fields of a photo upload (the file itself is checked by its bytes). */
export const PhotoFields = z.object({
  id: uuid,
  purpose: z.enum(PHOTO_PURPOSES),
  tpsCode: tpsCode.optional(),
  contest: contestCode.optional(),
  quickCountId: uuid.optional(),
  incidentId: uuid.optional(),
  capturedAt: timestamp.optional(),
});

/** A responder's position. */
export const LocationBody = z.object({
  lat: latitude,
  lng: longitude,
  accuracy: accuracy.nullish(),
});

/** The SMS gateway's webhook body (form or JSON; the field names are normalised before parsing). */
export const SmsBody = z.object({
  from: string().trim().min(1).max(40),
  text: string().max(1600),
  id: string().trim().min(1).max(200).optional(),
});
