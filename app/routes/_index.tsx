import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getRequestUser, homeFor } from "~/utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getRequestUser(request, context.sql);
  return redirect(user ? homeFor(user) : "/login");
}
