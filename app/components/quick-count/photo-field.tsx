import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";

/** The C1 photos the officer takes along with the numbers (at most five). */
export function PhotoField({ photos, onChange }: { photos: File[]; onChange: (photos: File[]) => void }) {
  const t = useT(commonMessages);
  return (
    <label className="field">
      <span>
        {t("qc.photos")} <em className="muted small">({t("qc.optional")})</em>
      </span>
      <input
        type="file"
        accept="image/jpeg,image/png,image/webp,image/*"
        capture="environment"
        multiple
        data-testid="c1-photos"
        onChange={(e) => onChange(Array.from(e.target.files ?? []).slice(0, 5))}
      />
      {photos.length ? <span className="muted small">{t("qc.photosChosen", { n: photos.length })}</span> : null}
    </label>
  );
}
