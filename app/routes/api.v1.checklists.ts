// POST /api/v1/checklists (issue 3): 201 new, 200 identical retry, 409 changed retry, 422 per-field errors, 403 another TPS.
import { ChecklistBody } from "~/lib/officer";
import { saveChecklist } from "~/models/officer-actions.server";
import { officerAction, postOnly } from "~/utils/officer-api.server";

export const action = officerAction(ChecklistBody, saveChecklist);
export const loader = postOnly;
