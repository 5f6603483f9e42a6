// The officer's actions as jobs: each one runs behind its JSON API route and, where a screen posts a form
// without JavaScript, behind that page's action too.
import { QuickCountBody } from "~/lib/schemas";
import { CheckinBody, ChecklistBody, DayStatusBody } from "~/lib/schemas/officer";
import { changeDayStatus, recordCheckin, saveChecklist } from "~/models/officer-actions.server";
import { resultsLockKey, submitQuickCount } from "~/models/results.server";
import { officerJob } from "./officer-api.server";

// A quick count takes its TPS's lock first and throws only before it writes: it may run side by side.
export const quickCountJob = officerJob(
  QuickCountBody,
  (ctx, args) => submitQuickCount(ctx, { ...args, source: "app" }),
  {
    key: (body) => resultsLockKey(body.tpsCode),
  },
);
export const checkinJob = officerJob(CheckinBody, recordCheckin);
export const checklistJob = officerJob(ChecklistBody, saveChecklist);
export const dayStatusJob = officerJob(DayStatusBody, changeDayStatus);
