// Unknown API paths answer JSON, not the HTML error page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/lib/i18n";
import { problemMessages } from "~/lib/messages/problems";
import { json } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";

const notFound = ({ request }: LoaderFunctionArgs) =>
  json({ message: translate(apiLang(request), problemMessages, "api.notFound"), code: "not_found" }, 404);
export const loader = notFound;
export const action = notFound;
