// The officer's voter-list check (Cek DPT, docs/decisions/047-voter-list-check.md): the TPS's list downloaded
// to the phone, kept encrypted, searched by name and checked by NIK offline. A route of its own, so its code
// (search, decryption, hashing) loads only when the officer opens it, never with the officer's home.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackHome } from "~/components/officer-nav";
import { VoterCheck } from "~/components/voter-check/voter-check";
import { voterCheckMessages } from "~/lib/messages/voter-check";
import { useT } from "~/lib/use-t";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "voters:check");
  return { tps: user.tpsCode!, account: user.id };
}

export default function CekDpt() {
  const { tps, account } = useLoaderData<typeof loader>();
  const t = useT(voterCheckMessages);
  return (
    <>
      <TopBar title={t("dpt.title")} />
      <main className="page phone voter-check">
        <BackHome />
        <h1>
          {t("dpt.title")} <span className="muted">{tps}</span>
        </h1>
        <VoterCheck tps={tps} account={account} />
      </main>
    </>
  );
}
