// The status of a TPS: its results (missing ... verified) and its day (arrived, open, counting ...).
// Shown on the officer's home screen, the command post and the recap.
import { defineMessages } from "../i18n";

export const tpsStatusMessages = defineMessages({
  id: {
    "status.missing": "Belum masuk",
    "status.partial": "Sebagian masuk",
    "status.submitted": "Terkirim",
    "status.flagged": "Ditandai",
    "status.conflict": "Konflik",
    "status.verified": "Terverifikasi",
    "day.not_arrived": "Belum hadir",
    "day.arrived": "Hadir",
    "day.open": "Dibuka",
    "day.counting": "Penghitungan",
    "day.reported": "Sudah lapor",
    "day.title": "Status hari ini",
    "day.doOpen": "Buka TPS",
    "day.doCount": "Mulai penghitungan",
  },
  en: {
    "status.missing": "Missing",
    "status.partial": "Partly in",
    "status.submitted": "Submitted",
    "status.flagged": "Flagged",
    "status.conflict": "Conflict",
    "status.verified": "Verified",
    "day.not_arrived": "Not arrived",
    "day.arrived": "Arrived",
    "day.open": "Open",
    "day.counting": "Counting",
    "day.reported": "Reported",
    "day.title": "Today's status",
    "day.doOpen": "Open TPS",
    "day.doCount": "Start counting",
  },
});
