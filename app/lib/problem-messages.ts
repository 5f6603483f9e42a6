// The messages a problem may name: the API's own and the refusals of each feature's rules. Only the
// boundary that words problems (app/utils/problem-answer.server.ts) loads them; problems name their key
// by type alone, so a browser module that raises a problem does not pull in these texts.
import { combineMessages, type MessageKey } from "./i18n";
import { auditHeadMessages } from "./messages/audit-head";
import { casesMessages } from "./messages/cases";
import { commonMessages } from "./messages/common";
// The data centre's activity log: its checks name their own messages (app/lib/supervision.ts).
import { dataCentreMessages } from "./messages/data-centre";
import { disputeMessages } from "./messages/disputes";
import { importMessages } from "./messages/imports";
import { formaMessages } from "./messages/forma";
import { incidentMessages } from "./messages/incidents";
import { inputCheckMessages } from "./messages/input-checks";
import { limitsMessages } from "./messages/limits";
import { loginMessages } from "./messages/login";
import { officerMessages } from "./messages/officer";
import { outboxMessages } from "./messages/outbox";
import { problemMessages } from "./messages/problems";
import { publicMessages } from "./messages/public";
import { quickCountMessages } from "./messages/quick-count";
import { recapMessages } from "./messages/recap";
import { requestBoundaryMessages } from "./messages/request-boundary";
import { reviewMessages } from "./messages/review";
import { rosterMessages } from "./messages/roster";
import { smsMessages } from "./messages/sms";
import { visibilityMessages } from "./messages/visibility";
import { voterCheckMessages } from "./messages/voter-check";

export const problemTexts = combineMessages(
  problemMessages,
  commonMessages,
  quickCountMessages,
  officerMessages,
  outboxMessages,
  incidentMessages,
  reviewMessages,
  publicMessages,
  importMessages,
  recapMessages,
  smsMessages,
  loginMessages,
  requestBoundaryMessages,
  inputCheckMessages,
  visibilityMessages,
  limitsMessages,
  voterCheckMessages,
  formaMessages,
  auditHeadMessages,
  rosterMessages,
  dataCentreMessages,
  disputeMessages,
  casesMessages,
);

/** A key a problem, a field problem or a problem's parameter may name. */
export type ProblemMessageKey = MessageKey<typeof problemTexts>;
