// The data centre's links in the public top bar and the staff nav: a module of its own, so that every page's
// shared bundle (the top bar is in the root) carries three words, not the data centre's messages.
import { defineMessages } from "../i18n";

export const dataCentreNavMessages = defineMessages({
  id: {
    "dc.nav": "Pusat data",
    "dc.navResults": "Hasil",
    "act.nav": "Pengawasan",
  },
  en: {
    "dc.nav": "Data centre",
    "dc.navResults": "Results",
    "act.nav": "Supervision",
  },
});
