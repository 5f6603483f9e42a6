// A GET filter form's region choice: "all" first, then the regions the caller may narrow to, each named as
// written ("Kecamatan Lubuklinggau Timur I"). The case list and recap, the disputes list and the results recap.
import { regionLabel } from "~/lib/regions";

export interface RegionOption {
  code: string;
  name: string;
  kind: string | null;
}

export function RegionFilter(props: {
  /** The query parameter it sets. */
  name: string;
  label: string;
  allLabel: string;
  regions: RegionOption[];
  value: string | null | undefined;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{props.allLabel}</option>
        {props.regions.map((r) => (
          <option key={r.code} value={r.code}>
            {regionLabel(r.kind, r.name)}
          </option>
        ))}
      </select>
    </label>
  );
}
