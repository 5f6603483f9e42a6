// The command post's links to the violation cases and the process disputes: a module of their own, so that
// the nav on every command-post screen carries two labels, not the cases' and the disputes' messages.
import { defineMessages } from "../i18n";

export const caseworkNavMessages = defineMessages({
  id: {
    "cases.nav": "Kasus pelanggaran",
    "dispute.nav": "Sengketa",
  },
  en: {
    "cases.nav": "Violation cases",
    "dispute.nav": "Disputes",
  },
});
