// POST /api/v1/checklists: 201 new, 200 identical retry, 409 changed retry, 422 per-field errors, 403 another TPS.
import { officerAction, postOnly } from "~/utils/officer-api.server";
import { checklistJob } from "~/utils/officer-jobs.server";

export const action = officerAction(checklistJob);
export const loader = postOnly;
