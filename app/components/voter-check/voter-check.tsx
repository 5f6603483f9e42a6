// The voter-list check's screen: download, the list's state (loaded when, wiped when and why), search by name
// and check an NIK. Every lookup goes to the outbox as a record without the name typed or the NIK.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Time } from "~/components/time";
import { voterCheckMessages } from "~/lib/messages/voter-check";
import { enqueue } from "~/lib/outbox-client";
import { useT } from "~/lib/use-t";
import { newId } from "~/lib/uuid";
import { indexVoters, searchVoters } from "~/lib/voter-search";
import { loadVoterList, readVoterLog, saveVoterList } from "~/lib/voter-store";
import { checkVoterList, VOTER_CHANNEL, type VoterLog } from "~/lib/voter-wipe";
import {
  fromBase64url,
  hashNik,
  MAX_CHECK_ROWS,
  type ListedVoter,
  type VoterCheckRecord,
  type VoterListDownload,
} from "~/lib/voters";

type Notice = { kind: "error" | "ok" | "info"; text: string } | null;

export function VoterCheck({ tps, account }: { tps: string; account: number }) {
  const t = useT(voterCheckMessages);
  const [log, setLog] = useState<VoterLog | null | undefined>(undefined);
  const [list, setList] = useState<VoterListDownload | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [results, setResults] = useState<ListedVoter[] | null>(null);
  const [nikAnswer, setNikAnswer] = useState<Notice>(null);
  const nikForm = useRef<HTMLFormElement>(null);
  const index = useMemo(() => (list ? indexVoters(list.voters) : []), [list]);

  const refresh = useCallback(async () => {
    const stored = (await readVoterLog().catch(() => undefined)) ?? null;
    // Another TPS's or another officer's past list is none of this officer's business, not even its times.
    const current = stored && stored.tps === tps && stored.account === account ? stored : null;
    setLog(current);
    setList(current && !current.wipedAt ? await loadVoterList(account).catch(() => null) : null);
  }, [account, tps]);

  useEffect(() => {
    void refresh().then(() => checkVoterList({ account }).catch(() => undefined));
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(VOTER_CHANNEL);
    channel?.addEventListener("message", () => void refresh());
    return () => channel?.close();
  }, [account, refresh]);

  async function download() {
    setBusy(true);
    setNotice({ kind: "info", text: t("dpt.downloading") });
    try {
      const res = await fetch(`/api/v1/voter-lists/${tps}`, { credentials: "same-origin", cache: "no-store" });
      if (res.status === 404) return setNotice({ kind: "error", text: t("dpt.none") });
      if (res.status === 409) return setNotice({ kind: "error", text: t("dpt.reportedNoDownload") });
      if (!res.ok) return setNotice({ kind: "error", text: t("dpt.downloadFailed") });
      await saveVoterList((await res.json()) as VoterListDownload, account);
      setNotice(null);
      await refresh();
    } catch {
      setNotice({ kind: "error", text: t("dpt.downloadFailed") });
    } finally {
      setBusy(false);
    }
  }

  function record(kind: VoterCheckRecord["kind"], rows: number[]) {
    const body: VoterCheckRecord = {
      id: newId(),
      tpsCode: tps,
      kind,
      matched: rows.length > 0,
      rows: rows.slice(0, MAX_CHECK_ROWS),
      checkedAt: new Date().toISOString(),
    };
    void enqueue({
      id: body.id,
      kind: "voter-check",
      url: "/api/v1/voter-checks",
      body,
      label: t("dpt.title"),
      tps,
      account,
    });
  }

  function searchName(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get("name") ?? "");
    const found = searchVoters(index, query);
    setResults(found);
    record(
      "name",
      found.map((v) => v.row),
    );
  }

  async function checkNik(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const nik = String(new FormData(form).get("nik") ?? "").replace(/\D/g, "");
    // The NIK leaves the field at once: it is neither kept nor shown.
    form.reset();
    if (!list) return;
    if (nik.length !== 16) return setNikAnswer({ kind: "error", text: t("dpt.nikFormat") });
    const hash = await hashNik(nik, fromBase64url(list.salt), list.iterations);
    const voter = list.voters.find((v) => v.nikHash === hash);
    setNikAnswer(
      voter
        ? { kind: "ok", text: t("dpt.nikMatch", { row: voter.row, name: voter.name }) }
        : { kind: "error", text: t("dpt.nikNoMatch") },
    );
    record("nik", voter ? [voter.row] : []);
  }

  if (log === undefined) return null;
  return (
    <div className="stack">
      <p className="muted small">{t("dpt.intro")}</p>
      <section className="card" data-testid="voter-list-state">
        {log ? (
          <p data-testid="voter-list-loaded">
            {t("dpt.loadedAt")} <Time iso={log.loadedAt} />
            {list ? ` · ${t("dpt.count", { count: list.voters.length })}` : null}
          </p>
        ) : null}
        {log?.wipedAt ? (
          <p className="notice" data-testid="voter-list-wiped">
            {t("dpt.wipedAt")} <Time iso={log.wipedAt} /> ({t(`dpt.reason.${log.reason ?? "session"}`)})
          </p>
        ) : null}
        {log?.reason === "reported" ? (
          <p className="muted">{t("dpt.reportedNoDownload")}</p>
        ) : !list ? (
          <button type="button" className="button big primary" onClick={() => void download()} disabled={busy}>
            {busy ? t("dpt.downloading") : t("dpt.download")}
          </button>
        ) : null}
        {notice ? (
          <p
            role={notice.kind === "error" ? "alert" : "status"}
            className={notice.kind === "error" ? "error" : "muted"}
          >
            {notice.text}
          </p>
        ) : null}
      </section>
      {list ? (
        <>
          <form className="card stack" onSubmit={searchName} data-testid="voter-search" autoComplete="off">
            <label>
              {t("dpt.byName")}
              <input name="name" type="search" autoComplete="off" maxLength={120} required />
            </label>
            <p className="muted small">{t("dpt.nameHint")}</p>
            <button type="submit" className="button big primary">
              {t("dpt.search")}
            </button>
            {results ? (
              results.length ? (
                <>
                  <p role="status">{t("dpt.results", { count: results.length })}</p>
                  <ul className="voter-results" data-testid="voter-results">
                    {results.map((v) => (
                      <li key={v.row}>
                        <strong>{t("dpt.row", { row: v.row })}</strong> {v.name}
                        <span className="muted small">
                          {" · "}
                          {t(`dpt.sex.${v.sex}`)} ·{" "}
                          {v.ageBand === "00-19" ? t("dpt.ageYoung") : t("dpt.age", { band: v.ageBand })} ·{" "}
                          {t("dpt.rtrw", { rt: v.rt || "–", rw: v.rw || "–" })} · {t(`dpt.status.${v.status}`)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p role="status">{t("dpt.noResult")}</p>
              )
            ) : null}
          </form>
          <form
            ref={nikForm}
            className="card stack"
            onSubmit={(e) => void checkNik(e)}
            data-testid="nik-check"
            autoComplete="off"
          >
            <label>
              {t("dpt.byNik")}
              <input
                name="nik"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={20}
                className="masked"
                spellCheck={false}
                required
              />
            </label>
            <p className="muted small">{t("dpt.nikHint")}</p>
            <button type="submit" className="button big">
              {t("dpt.nikCheck")}
            </button>
            {nikAnswer ? (
              <p role="status" className={nikAnswer.kind === "ok" ? "ok" : "error"} data-testid="nik-answer">
                {nikAnswer.text}
              </p>
            ) : null}
          </form>
          <p className="muted small">{t("dpt.recorded")}</p>
        </>
      ) : null}
    </div>
  );
}
