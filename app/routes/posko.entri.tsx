// Posko paper entry: find the TPS by code, name or QR, key the quick count or the complete C.Hasil from a paper
// form, phone or radio report with the same C1 rules as the officer's app, in the order the paper prints the
// boxes; a second operator keys it again blind (the first entry's numbers are never shown here, only whether
// it was quick or complete, so both keyings are of one kind). Equal -> consolidated, different -> conflict.
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { c1Context } from "~/lib/c1-rules";
import { regionLabel } from "~/lib/regions";
import { CompleteC1Form } from "~/components/c1-form/complete-form";
import { PoskoNav } from "~/components/posko-nav";
import { QuickCountForm } from "~/components/quick-count-form";
import { quickCountFields, TPS_CODE } from "~/lib/schemas";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { reviewMessages } from "~/lib/messages/review";
import { useT } from "~/lib/use-t";
import { awaitingPaperKind, ballotForForm } from "~/models/c1-form.server";
import { contestsForTps, getTps, listContests, searchTps } from "~/models/election.server";
import { openPaperForm, type PaperSource, type PaperState } from "~/models/review.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";
import { requestLang } from "~/utils/lang.server";
import { pageAction } from "~/utils/page-action.server";
import { enterPaperForm } from "~/utils/review-actions.server";

const SOURCES = ["paper", "phone", "radio"] as const;
const MODES = ["quick", "complete"] as const;
type Mode = (typeof MODES)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "paper:enter");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 60);
  const code = extractTpsCode(url.searchParams.get("tps") ?? q);
  const tps = code ? await getTps(context.sql, { code }) : undefined;
  // A TPS's tabs are exactly the ballots it votes in.
  const contests = tps
    ? await contestsForTps(context.sql, { kelurahanCode: tps.kelurahanCode })
    : await listContests(context.sql);
  const contest = contests.find((c) => c.code === url.searchParams.get("contest")) ?? contests[0];
  let mode: Mode = url.searchParams.get("mode") === "complete" ? "complete" : "quick";
  let modeFixed = false;
  // Search by kelurahan/kecamatan name or address when the text is not a TPS code.
  const matches = !tps && q.length >= 3 ? await searchTps(context.sql, { q }) : [];
  let form: { state: PaperState; mine: boolean; source: PaperSource } | null = null;
  let current: { votes: Record<string, number>; invalid: number } | null = null;
  let otherBallots: { contest: string; voters: number }[] = [];
  if (tps && contest) {
    const open = await openPaperForm(context.sql, { tpsCode: tps.code, contest: contest.code });
    form = open ? { state: open.status, mine: open.authorId === user.id, source: open.source } : null;
    const ballot = await ballotForForm(context.sql, { tpsCode: tps.code, contest: contest.code });
    current = ballot.current ? { votes: ballot.current.votes, invalid: ballot.current.invalid } : null;
    otherBallots = ballot.otherBallots;
    const firstKind = await awaitingPaperKind(context.sql, { tpsCode: tps.code, contest: contest.code });
    if (firstKind) [mode, modeFixed] = [firstKind, true];
  }
  return {
    id: randomUUID(),
    q,
    contests,
    contest,
    tps: tps
      ? {
          code: tps.code,
          address: tps.address,
          kelurahan: tps.kelurahanName,
          kelurahanKind: tps.kelurahanKind,
          kecamatan: tps.kecamatanName,
          dpt: tps.dpt,
          dptMen: tps.dptMen,
          dptWomen: tps.dptWomen,
          dptb: tps.dptb,
          dpk: tps.dpk,
        }
      : null,
    mode,
    modeFixed,
    notFound: !!code && !tps,
    matches,
    form,
    previous: current,
    otherBallots,
  };
}

/** A TPS code from typed text or a scanned QR payload (which may be a URL or carry other text around it). */
function extractTpsCode(text: string): string | null {
  const match = /\d{10}-\d{3}/.exec(text);
  return match && TPS_CODE.test(match[0]) ? match[0] : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "paper:enter");
  const lang = requestLang(request);
  const form = await request.formData();
  const raw = { ...quickCountFields(form), source: form.get("source") };
  return pageAction(lang, async () => (await enterPaperForm(context, { user, raw, lang })).body);
}

export default function PaperEntry() {
  const { id, q, contests, contest, tps, notFound, matches, form, previous, otherBallots, mode, modeFixed } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT(commandPostMessages, reviewMessages, c1FormMessages, commonMessages);
  const [source, setSource] = useState<string>(form?.source ?? "paper");
  useEffect(() => setSource(form?.source ?? "paper"), [form?.source]);
  const round = form?.state === "awaiting_second" ? 2 : 1;
  const sourceField = (
    <label className="field">
      <span>{t("paper.source")}</span>
      <select name="source" value={source} onChange={(e) => setSource(e.target.value)} disabled={round === 2}>
        {SOURCES.map((s) => (
          <option key={s} value={s}>
            {t(`paper.source.${s}`)}
          </option>
        ))}
      </select>
      {round === 2 ? <input type="hidden" name="source" value={source} /> : null}
    </label>
  );

  return (
    <>
      <TopBar title={t("posko.title")} />
      <PoskoNav role="operator" />
      <main className={`page ${mode === "complete" && tps ? "entry-wide" : "phone"}`}>
        <h1>{t("paper.entryTitle")}</h1>
        <Form method="get" className="card stack" role="search">
          <label className="field">
            <span>{t("paper.find")}</span>
            <input
              name="q"
              defaultValue={q || tps?.code || ""}
              placeholder="1673031001-001"
              autoComplete="off"
              data-testid="tps-search"
            />
          </label>
          <input type="hidden" name="contest" value={contest.code} />
          <input type="hidden" name="mode" value={mode} />
          <div className="button-row">
            <button type="submit" className="primary">
              {t("paper.search")}
            </button>
            <QrScanButton />
          </div>
          {notFound ? (
            <p className="error" role="alert">
              {t("api.unknownTps", { tps: q })}
            </p>
          ) : null}
          {matches.length ? (
            <ul className="stale-list">
              {matches.map((m) => (
                <li key={m.code}>
                  <Link to={`?tps=${m.code}&contest=${contest.code}&mode=${mode}`}>TPS {m.code}</Link>
                  <span className="muted">
                    {m.kelurahan} · {m.address}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </Form>

        {result && result.ok ? (
          <p
            className={`notice ${result.value.state === "conflict" ? "bad" : "good"}`}
            role="status"
            data-testid="entry-result"
          >
            {t(`paper.state.${result.value.state}`)}
          </p>
        ) : null}
        {result && !result.ok ? (
          <p className="notice bad" role="alert" data-testid="entry-error">
            {result.message}
          </p>
        ) : null}

        {tps ? (
          <section className="card">
            <h2 className="tps-code">TPS {tps.code}</h2>
            <p className="muted small">
              {tps.address} · {regionLabel(tps.kelurahanKind, tps.kelurahan)}, Kec. {tps.kecamatan}
            </p>
            <p className="small" data-testid="entry-dpt" data-dpt={tps.dpt}>
              DPT {tps.dpt} · DPTb {tps.dptb} · DPK {tps.dpk}
            </p>
            <nav className="tabs" aria-label={t("paper.contest")}>
              {contests.map((c) => (
                <Link
                  key={c.code}
                  to={`?tps=${tps.code}&contest=${c.code}&mode=${mode}`}
                  className={`button${c.code === contest.code ? " active" : ""}`}
                >
                  {c.name}
                </Link>
              ))}
            </nav>
            <nav className="tabs" aria-label={t("cform.mode")} data-testid="entry-mode">
              {MODES.filter((m) => !modeFixed || m === mode).map((m) => (
                <Link
                  key={m}
                  to={`?tps=${tps.code}&contest=${contest.code}&mode=${m}`}
                  className={`button${m === mode ? " active" : ""}`}
                  aria-current={m === mode ? "page" : undefined}
                >
                  {t(`cform.mode.${m}`)}
                </Link>
              ))}
            </nav>
            <p className="notice good" data-testid="entry-round">
              {form?.state === "conflict"
                ? t("paper.awaitingSupervisor")
                : form?.mine
                  ? t("paper.waitingForOther")
                  : round === 2
                    ? t("paper.secondRound")
                    : t("paper.firstRound")}
            </p>
            {form?.state === "conflict" || form?.mine ? null : mode === "complete" ? (
              <CompleteC1Form
                key={`${id}-${contest.code}-complete`}
                id={id}
                tpsCode={tps.code}
                contest={contest}
                context={c1Context(contest, tps, previous, otherBallots)}
                start={{}}
                serverErrors={result && !result.ok ? result.errors : undefined}
                busy={busy}
                submitLabel={t("paper.save")}
                extra={sourceField}
              />
            ) : (
              <QuickCountForm
                key={`${id}-${contest.code}`}
                id={id}
                tpsCode={tps.code}
                contest={contest}
                context={c1Context(contest, tps, previous, otherBallots)}
                serverErrors={result && !result.ok ? result.errors : undefined}
                busy={busy}
                submitLabel={t("paper.save")}
                extra={sourceField}
              />
            )}
          </section>
        ) : null}
      </main>
    </>
  );
}

/** QR scan with the camera where the browser can decode barcodes; a USB scanner types into the field instead. */
function QrScanButton() {
  const t = useT(commandPostMessages, reviewMessages, commonMessages);
  const [supported, setSupported] = useState(false);
  const [scanning, setScanning] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => setSupported("BarcodeDetector" in window && !!navigator.mediaDevices?.getUserMedia), []);
  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let stop = false;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        if (!video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const Detector = (
          window as unknown as {
            BarcodeDetector: new (o: unknown) => { detect: (v: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
          }
        ).BarcodeDetector;
        const detector = new Detector({ formats: ["qr_code"] });
        while (!stop) {
          const codes = await detector.detect(video.current);
          const code = codes.map((c) => extractTpsCode(c.rawValue)).find(Boolean);
          if (code) {
            window.location.search = `?tps=${code}`;
            return;
          }
          await new Promise((r) => setTimeout(r, 300));
        }
      } catch {
        setScanning(false);
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [scanning]);
  if (!supported) return null;
  return (
    <>
      <button type="button" onClick={() => setScanning((s) => !s)}>
        {scanning ? t("alert.dismiss") : t("paper.scan")}
      </button>
      {scanning ? <video ref={video} muted playsInline style={{ width: "100%", maxHeight: "14rem" }} /> : null}
    </>
  );
}
