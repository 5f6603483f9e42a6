// Photos of C1 forms and incidents. Stored with the client's UUID, so an outbox retry returns the first
// answer; linked to a quick count or an incident by id (no foreign key: either may arrive first).
import { problem } from "~/lib/problems";
import { createHash } from "node:crypto";
import type { PhotoPurpose } from "~/lib/photos";
import type { Db } from "~/utils/db.server";

import type { WriteContext } from "~/utils/writer.server";
import type { TpsInfo } from "./election.server";
import { getIncident } from "./incidents.server";
import type { SessionUser } from "./users.server";

export interface PhotoInput {
  id: string;
  purpose: PhotoPurpose;
  tps: TpsInfo | null;
  contest: string | null;
  quickCountId: string | null;
  incidentId: string | null;
  capturedAt: string | null;
  mime: string;
  bytes: Buffer;
}

type PhotoOwner = { uploaderId: number; sha256: string };

export async function savePhoto(
  { tx, emit, audit }: WriteContext,
  { user, photo }: { user: SessionUser; photo: PhotoInput },
) {
  const sha256 = createHash("sha256").update(photo.bytes).digest("hex");
  const [existing] = await tx<[PhotoOwner?]>`select uploader_id, sha256 from photos where id = ${photo.id}`;
  if (existing) {
    if (existing.uploaderId === user.id && existing.sha256 === sha256)
      return { httpStatus: 200 as const, body: { photoId: photo.id } };
    throw problem.idConflict();
  }
  await tx`
    insert into photos (id, tps_code, uploader_id, purpose, contest_code, quick_count_id, incident_id, mime, size_bytes, sha256, bytes, captured_at)
    values (${photo.id}, ${photo.tps?.code ?? null}, ${user.id}, ${photo.purpose}, ${photo.contest}, ${photo.quickCountId},
      ${photo.incidentId}, ${photo.mime}, ${photo.bytes.length}, ${sha256}, ${photo.bytes}, ${photo.capturedAt})`;
  emit("photo:added", photo.tps?.kelurahanCode ?? user.regionCode, {
    photoId: photo.id,
    tpsCode: photo.tps?.code ?? null,
    purpose: photo.purpose,
    contest: photo.contest,
    quickCountId: photo.quickCountId,
    incidentId: photo.incidentId,
  });
  audit({
    actorId: user.id,
    action: "photo.upload",
    entity: `photo:${photo.id}`,
    after: { purpose: photo.purpose, tpsCode: photo.tps?.code ?? null, size: photo.bytes.length, sha256 },
  });
  return { httpStatus: 201 as const, body: { photoId: photo.id } };
}

export interface StoredPhoto {
  id: string;
  tpsCode: string | null;
  mime: string;
  bytes: Buffer;
  uploaderId: number;
  incidentId: string | null;
  /** The kelurahan of the photo's TPS, for the area check. */
  kelurahanCode: string | null;
  /** A C.Hasil photo whose TPS and contest have a verified result: public, as the official form is. */
  ofVerifiedResult: boolean;
}

export async function getPhoto(sql: Db, { id }: { id: string }): Promise<StoredPhoto | undefined> {
  const [row] = await sql<[StoredPhoto?]>`
    select p.id, p.tps_code, p.mime, p.bytes, p.uploader_id, p.incident_id, t.kelurahan_code,
      p.purpose = 'c1' and exists (select 1 from results r where r.tps_code = p.tps_code
        and r.contest_code = p.contest_code and r.status = 'verified') as of_verified_result
    from photos p left join tps t on t.code = p.tps_code where p.id = ${id}`;
  return row;
}

type PhotoLink = { id: string; quickCountId: string };

export async function listPhotosFor(sql: Db, { quickCountIds }: { quickCountIds: string[] }) {
  if (!quickCountIds.length) return [];
  const rows = await sql<
    PhotoLink[]
  >`select id, quick_count_id from photos where quick_count_id in ${sql(quickCountIds)} order by received_at`;
  return rows.map((r) => ({ id: r.id, quickCountId: r.quickCountId }));
}

/** What an upload names besides its TPS: the incident (if filed yet) and the submission (if sent yet), so the
 *  route can check the photo belongs where its author may report. */
export async function photoLinks(
  sql: Db,
  { incidentId, quickCountId }: { incidentId: string | null; quickCountId: string | null },
) {
  const [incident, submission] = await Promise.all([
    incidentId ? getIncident(sql, { id: incidentId }) : undefined,
    quickCountId
      ? sql<[{ tpsCode: string; contestCode: string }?]>`
          select tps_code, contest_code from submissions where id = ${quickCountId}`.then(([row]) => row)
      : undefined,
  ]);
  return { incident, submission };
}
