// POST /api/v1/checkins (issue 3): 201 new, 200 identical retry, 409 changed retry, 422 per-field errors, 403 another TPS.
import { CheckinBody } from "~/lib/officer";
import { recordCheckin } from "~/models/officer-actions.server";
import { officerAction, postOnly } from "~/utils/officer-api.server";

export const action = officerAction(CheckinBody, recordCheckin);
export const loader = postOnly;
