// /publik/tps?kode=1673011001-001: the public page's TPS lookup (a plain GET form) goes to that TPS's page,
// however the code was written (16.73.01.1001-1, TPS 1673011001001 ...).
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { tpsCodeOf } from "~/lib/tps-code";

export function loader({ request }: LoaderFunctionArgs) {
  const code = tpsCodeOf(new URL(request.url).searchParams.get("kode") ?? "");
  return redirect(code ? `/publik/tps/${code}` : "/publik");
}
