// POST /api/v1/tps-status (issue 3): 201 new, 200 identical retry, 409 changed retry, 422 per-field errors, 403 another TPS.
import { DayStatusBody } from "~/lib/officer";
import { changeDayStatus } from "~/models/officer-actions.server";
import { officerAction, postOnly } from "~/utils/officer-api.server";

export const action = officerAction(DayStatusBody, changeDayStatus);
export const loader = postOnly;
