// The lines an import refused, each with its field and what is wrong: the admin's imports and the activity
// log's CSV show the same table (the first IMPORT_ERRORS_SHOWN; the rest downloads as CSV where offered).
import { IMPORT_ERRORS_SHOWN, type ImportError } from "~/lib/imports";
import { importMessages } from "~/lib/messages/imports";
import { useT } from "~/lib/use-t";

export function ImportErrorsTable({ errors }: { errors: ImportError[] }) {
  const t = useT(importMessages);
  return (
    <table className="results-table">
      <thead>
        <tr>
          <th>{t("admin.import.line")}</th>
          <th>{t("admin.import.field")}</th>
          <th>{t("admin.import.problem")}</th>
        </tr>
      </thead>
      <tbody>
        {errors.slice(0, IMPORT_ERRORS_SHOWN).map((e, i) => (
          <tr key={i}>
            <td className="num">{e.line}</td>
            <td>{e.field}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
