// POST /api/v1/quick-counts: 201 new, 200 identical retry, 409 changed retry, 422 per-field errors,
// 403 another TPS, 401 without a session.
import { officerAction, postOnly } from "~/utils/officer-api.server";
import { quickCountJob } from "~/utils/officer-jobs.server";

export const action = officerAction(quickCountJob);
export const loader = postOnly;
