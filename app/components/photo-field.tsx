import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";

/** At most this many photos go with one report (C1 pages, an incident). */
export const MAX_PHOTOS = 5;

/** Photos the officer takes with the phone's camera (or picks), optional, at most MAX_PHOTOS. */
export function PhotoField({
  label,
  testId,
  photos,
  onChange,
}: {
  label: string;
  testId: string;
  photos: File[];
  onChange: (photos: File[]) => void;
}) {
  const t = useT(commonMessages);
  return (
    <label className="field">
      <span>
        {label} <em className="muted small">({t("qc.optional")})</em>
      </span>
      <input
        type="file"
        accept="image/jpeg,image/png,image/webp,image/*"
        capture="environment"
        multiple
        data-testid={testId}
        onChange={(e) => onChange(Array.from(e.target.files ?? []).slice(0, MAX_PHOTOS))}
      />
      {photos.length ? <span className="muted small">{t("qc.photosChosen", { n: photos.length })}</span> : null}
    </label>
  );
}
