// /publik/tps?kode=1673011001-001: the public page's TPS lookup (a plain GET form) goes to that TPS's page.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

export function loader({ request }: LoaderFunctionArgs) {
  const code = (new URL(request.url).searchParams.get("kode") ?? "").trim();
  return redirect(/^\d{10}-\d{3}$/.test(code) ? `/publik/tps/${code}` : "/publik");
}
