// The one store of documents (decision 043). Owners (cases, disputes, supervision reports) check who may
// attach and read before calling here; this module keeps the bytes, their hash and the audit trail.
import { createHash, randomUUID } from "node:crypto";
import { problem } from "~/lib/problems";
import { MAX_DOCUMENT_BYTES, safeFileName, sniffDocument, type DocumentMime } from "~/lib/documents";
import type { Db } from "~/utils/db.server";
import type { WriteContext } from "~/utils/writer.server";

export interface DocumentInput {
  ownerKind: string;
  ownerId: string;
  regionCode: string | null;
  label: string;
  fileName: string;
  bytes: Uint8Array;
  /** Null when a member of the public attaches it. */
  uploadedBy: number | null;
}

export interface DocumentInfo {
  id: string;
  ownerKind: string;
  ownerId: string;
  regionCode: string | null;
  label: string;
  fileName: string;
  mime: DocumentMime;
  sizeBytes: number;
  sha256: string;
  uploadedBy: number | null;
  createdAt: string;
}

/** Checks a file before it is stored: 422 naming `field` when it is empty, too large or not an image or PDF. */
export function checkDocument(bytes: Uint8Array, field = "file"): DocumentMime {
  if (bytes.length === 0)
    throw problem.invalid([{ field, code: "required", key: "document.required" }], "document.required");
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw problem.invalid(
      [{ field, code: "too_large", key: "document.tooLarge", params: { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 } }],
      "document.tooLarge",
    );
  const mime = sniffDocument(bytes);
  if (!mime) throw problem.invalid([{ field, code: "bad_type", key: "document.badType" }], "document.badType");
  return mime;
}

export async function saveDocument({ tx, audit }: WriteContext, input: DocumentInput): Promise<DocumentInfo> {
  const mime = checkDocument(input.bytes);
  const id = randomUUID();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const [row] = await tx<[DocumentInfo]>`
    insert into documents (id, owner_kind, owner_id, region_code, label, file_name, mime, size_bytes, sha256, bytes, uploaded_by)
    values (${id}, ${input.ownerKind}, ${input.ownerId}, ${input.regionCode}, ${input.label.slice(0, 200)},
      ${safeFileName(input.fileName)}, ${mime}, ${input.bytes.length}, ${sha256}, ${Buffer.from(input.bytes)},
      ${input.uploadedBy})
    returning ${tx.unsafe(INFO_COLUMNS)}`;
  audit({
    actorId: input.uploadedBy,
    action: "document.add",
    entity: `${input.ownerKind}:${input.ownerId}`,
    after: { document: id, label: row.label, mime, size: input.bytes.length, sha256 },
  });
  return row;
}

const INFO_COLUMNS =
  "id, owner_kind, owner_id, region_code, label, file_name, mime, size_bytes, sha256, uploaded_by, created_at";

/** The documents of one owner, oldest first, without their bytes. */
export const listDocuments = (sql: Db, ownerKind: string, ownerId: string) =>
  sql<DocumentInfo[]>`
    select ${sql.unsafe(INFO_COLUMNS)} from documents
    where owner_kind = ${ownerKind} and owner_id = ${ownerId} order by created_at, id`;

/** One document with its bytes, or null. The caller has checked that the reader may see its owner. */
export async function readDocument(sql: Db, id: string) {
  const [row] = await sql<[(DocumentInfo & { bytes: Buffer })?]>`
    select ${sql.unsafe(INFO_COLUMNS)}, bytes from documents where id = ${id}`;
  return row ?? null;
}
