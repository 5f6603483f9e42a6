// The case lists' "kecamatan" filter (`?area=`): the kecamatan of the caller's own area, "all" first.
import { useSearchParams } from "@remix-run/react";
import { casesMessages } from "~/lib/messages/cases";
import { regionLabel } from "~/lib/regions";
import { useT } from "~/lib/use-t";

export interface RegionOption {
  code: string;
  name: string;
  kind: string;
}

export function KecamatanFilter({ kecamatan }: { kecamatan: RegionOption[] }) {
  const t = useT(casesMessages);
  const [params] = useSearchParams();
  return (
    <label>
      {t("cases.filter.area")}
      <select name="area" defaultValue={params.get("area") ?? ""}>
        <option value="">{t("cases.filter.all")}</option>
        {kecamatan.map((k) => (
          <option key={k.code} value={k.code}>
            {regionLabel(k.kind, k.name)}
          </option>
        ))}
      </select>
    </label>
  );
}
