// The top bar's logout. For an officer whose phone still holds reports of theirs, a dialog says so first
// and offers to wait until they are sent (then logs out by itself), to log out anyway (the reports stay on
// the phone and go out at the officer's next login), or to stay.
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { commonMessages } from "~/lib/messages/common";
import { outboxMessages } from "~/lib/messages/outbox";
import type { Officer } from "~/lib/outbox";
import { flushNow, reportHeld, useOutbox } from "~/lib/outbox-client";
import { useT } from "~/lib/use-t";
import { NetworkLine } from "./network-line";

/** `officer`: the logged-in officer (account and TPS), null for other roles. */
export function LogoutForm({ name, officer }: { name: string; officer: Officer | null }) {
  return officer ? <OfficerLogout name={name} officer={officer} /> : <LogoutButton name={name} />;
}

function LogoutButton({
  name,
  onSubmit,
  formRef,
}: {
  name: string;
  onSubmit?: (e: React.FormEvent) => void;
  formRef?: React.Ref<HTMLFormElement>;
}) {
  const t = useT(commonMessages);
  return (
    // A plain form post (no fetch): the service worker answers it with a page even without signal.
    <Form method="post" action="/logout" className="inline" onSubmit={onSubmit} ref={formRef} reloadDocument>
      <span className="who">{name}</span>
      <button type="submit" className="link-button">
        {t("nav.logout")}
      </button>
    </Form>
  );
}

function OfficerLogout({ name, officer }: { name: string; officer: Officer }) {
  const t = useT(outboxMessages);
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const { items } = useOutbox(officer);
  const pending = items.filter((i) => i.state === "pending").length;
  const [asked, setAsked] = useState<{ total: number; waiting: boolean } | null>(null);
  const logout = async () => {
    // The command post's count of what this phone holds must not be left stale by the session ending.
    await reportHeld();
    // The form's own post (a document request, not a fetch), without asking again.
    form.current?.submit();
  };

  // Waiting: out as soon as nothing of this officer is pending any more (each item sent or refused).
  const done = asked?.waiting === true && pending === 0;
  useEffect(() => {
    if (done) void logout();
  }, [done]);

  const close = () => {
    dialog.current?.close();
    setAsked(null);
  };

  return (
    <>
      <LogoutButton
        name={name}
        formRef={form}
        onSubmit={(e) => {
          if (pending === 0) return;
          e.preventDefault();
          setAsked({ total: pending, waiting: false });
          dialog.current?.showModal();
        }}
      />
      <dialog
        ref={dialog}
        className="logout-dialog"
        aria-labelledby="logout-title"
        data-testid="logout-dialog"
        onClose={() => setAsked(null)}
      >
        {asked ? (
          <>
            <h2 id="logout-title">{t("logout.unsentTitle")}</h2>
            <p>{t("logout.unsentBody", { n: asked.waiting ? asked.total : pending })}</p>
            {asked.waiting ? (
              <>
                <NetworkLine waiting={pending} />
                <p className="logout-progress" role="status" data-testid="logout-progress">
                  {done
                    ? t("logout.done")
                    : t("logout.progress", { sent: Math.max(0, asked.total - pending), total: asked.total })}
                </p>
              </>
            ) : (
              <>
                <button
                  type="button"
                  className="big primary"
                  onClick={() => {
                    setAsked({ total: pending, waiting: true });
                    void flushNow(true, true);
                  }}
                >
                  {t("logout.wait")}
                </button>
                <p className="small muted">{t("logout.anywayNote")}</p>
              </>
            )}
            <button type="button" className="big" onClick={() => void logout()}>
              {t("logout.anyway")}
            </button>
            <button type="button" className="big" onClick={close}>
              {t("logout.cancel")}
            </button>
          </>
        ) : null}
      </dialog>
    </>
  );
}
