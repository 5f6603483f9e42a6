// POST /api/v1/quick-counts: 201 new, 200 identical retry, 409 changed retry, 422 per-field errors,
// 403 another TPS, 401 without a session (SPEC section 7).
import { QuickCountBody } from "~/lib/schemas";
import { resultsLockKey, submitQuickCount } from "~/models/results.server";
import { officerAction, postOnly } from "~/utils/officer-api.server";

// A quick count takes its TPS's lock first and throws only before it writes: it may run side by side.
export const action = officerAction(QuickCountBody, (ctx, args) => submitQuickCount(ctx, { ...args, source: "app" }), {
  key: (body) => resultsLockKey(body.tpsCode),
});
export const loader = postOnly;
