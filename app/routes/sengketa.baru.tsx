// A new petition (`/sengketa/baru`): the KPU decision contested, the parties (the representative's address
// and phone are kept for staff only), the petition's points and its document. Filing is checked against the
// limit (`deadlines.disputes.filingDays` from the decision's date); a late petition is filed and flagged.
import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PoskoNav } from "~/components/posko-nav";
import { DOCUMENT_ACCEPT } from "~/lib/documents";
import { APPLICANT_KINDS } from "~/lib/disputes";
import { caseworkNavMessages } from "~/lib/messages/casework-nav";
import { disputeMessages } from "~/lib/messages/disputes";
import { regionLabel } from "~/lib/regions";
import { petitionFromForm, readPetition } from "~/lib/schemas/disputes";
import { useT } from "~/lib/use-t";
import { officeRegions } from "~/models/disputes.server";
import { TopBar } from "~/root";
import { readForm } from "~/utils/admin.server";
import { fileAs, formFields, formFile } from "~/utils/disputes.server";
import { requestLang } from "~/utils/lang.server";
import { pageAction } from "~/utils/page-action.server";
import { areaOf, requirePageUser } from "~/utils/permissions.server";
import disputeStyles from "~/disputes.css?url";

export const meta: MetaFunction = () => [{ title: "Pantau — Permohonan sengketa baru" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: disputeStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "dispute:handle");
  return { role: user.role, offices: [...(await officeRegions(context.sql, { area: areaOf(user) }))] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "dispute:handle");
  const form = await readForm(request);
  const result = await pageAction(requestLang(request), async () => {
    const petition = readPetition(petitionFromForm(formFields(form)));
    return fileAs(context, user, petition, await formFile(form.get("file")));
  });
  if (result.data.ok) throw redirect(`/sengketa/${result.data.value.id}`);
  return result;
}

export default function NewPetition() {
  const { role, offices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(disputeMessages, caseworkNavMessages);
  const busy = useNavigation().state !== "idle";
  const errors = result && !result.ok ? result.errors : [];
  const err = (field: string) => {
    const e = errors.find((f) => f.field === field);
    return e ? (
      <span className="field-error" data-testid={`error-${field}`}>
        {e.message}
      </span>
    ) : null;
  };
  return (
    <>
      <TopBar title={t("dispute.nav")} />
      <PoskoNav role={role} />
      <main className="page wide">
        <h1>{t("dispute.new")}</h1>
        {result && !result.ok ? (
          <p role="alert" className="error">
            {result.message}
          </p>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="dispute-form" data-testid="petition-form">
          <fieldset>
            <legend>{t("dispute.section.decision")}</legend>
            <div className="pair">
              <label>
                {t("dispute.field.region")}
                <select name="regionCode" required defaultValue={offices[0]?.code}>
                  {offices.map((o) => (
                    <option key={o.code} value={o.code}>
                      {regionLabel(o.kind, o.name)}
                    </option>
                  ))}
                </select>
                {err("regionCode")}
              </label>
              <label>
                {t("dispute.field.respondent")}
                <input name="respondent" required maxLength={200} placeholder="KPU Kota …" />
                {err("respondent")}
              </label>
              <label>
                {t("dispute.field.decisionNumber")}
                <input name="decisionNumber" required maxLength={120} />
                {err("decisionNumber")}
              </label>
              <label>
                {t("dispute.field.decisionDate")}
                <input name="decisionDate" type="date" required />
                {err("decisionDate")}
              </label>
            </div>
            <label>
              {t("dispute.field.decisionSubject")}
              <textarea name="decisionSubject" required maxLength={2000} rows={2} />
              {err("decisionSubject")}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t("dispute.section.parties")}</legend>
            <div className="pair">
              <label>
                {t("dispute.field.applicantName")}
                <input name="applicantName" required maxLength={200} />
                {err("applicantName")}
              </label>
              <label>
                {t("dispute.field.applicantKind")}
                <select name="applicantKind" defaultValue="party">
                  {APPLICANT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`dispute.kind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("dispute.field.repName")}
                <input name="repName" required maxLength={200} />
                {err("repName")}
              </label>
              <label>
                {t("dispute.field.repPhone")}
                <input name="repPhone" type="tel" inputMode="tel" maxLength={30} autoComplete="off" />
                {err("repPhone")}
              </label>
            </div>
            <label>
              {t("dispute.field.repAddress")}
              <input name="repAddress" maxLength={500} autoComplete="off" />
              {err("repAddress")}
            </label>
            <label>
              {t("dispute.field.relatedParties")}
              <textarea name="relatedParties" rows={2} maxLength={2200} />
              {err("relatedParties")}
            </label>
          </fieldset>
          <label>
            {t("dispute.field.points")}
            <textarea name="points" required maxLength={5000} rows={5} />
            {err("points")}
          </label>
          <div className="pair">
            <label>
              {t("dispute.field.file")}
              <input name="file" type="file" accept={DOCUMENT_ACCEPT} />
              {err("file")}
            </label>
            <label>
              {t("dispute.field.filedAt")}
              <input name="filedAtLocal" type="datetime-local" />
              {err("filedAt")}
            </label>
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {t("dispute.submit")}
          </button>
        </Form>
      </main>
    </>
  );
}
