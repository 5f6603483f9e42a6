// The command post's alerts that follow the incident (app/lib/incident-alerts.ts) and the alert sound's state.
import { defineMessages } from "../i18n";

export const alertMessages = defineMessages({
  id: {
    "alerts.title": "INSIDEN KRITIS",
    "alerts.count": "{count} belum ditangani",
    "alerts.waiting": "belum ditangani {min} menit",
    "alerts.waitingSeconds": "belum ditangani {sec} detik",
    "alerts.fresh": "baru masuk",
    "alerts.escalated": "TERLAMBAT",
    "alerts.all": "Semua ({count})",
    "alerts.fewer": "Ringkas",
    "alerts.show": "Lihat",
    "alerts.claim": "Tangani",
    "alerts.settingsTitle": "Peringatan insiden kritis",
    "alerts.settingsEscalate": "Peringatan naik (lebih mencolok, bunyi berulang) bila belum ditangani setelah (detik)",
    "sound.off": "Suara mati — klik untuk menyalakan",
    "sound.on": "Suara peringatan aktif — klik untuk mematikan",
  },
  en: {
    "alerts.title": "CRITICAL INCIDENTS",
    "alerts.count": "{count} not handled",
    "alerts.waiting": "not handled for {min} min",
    "alerts.waitingSeconds": "not handled for {sec} s",
    "alerts.fresh": "just in",
    "alerts.escalated": "OVERDUE",
    "alerts.all": "All ({count})",
    "alerts.fewer": "Fewer",
    "alerts.show": "Show",
    "alerts.claim": "Handle",
    "alerts.settingsTitle": "Critical incident alerts",
    "alerts.settingsEscalate": "An alert escalates (stronger style, repeated sound) when not handled after (seconds)",
    "sound.off": "Sound off — click to turn on",
    "sound.on": "Alert sound on — click to turn off",
  },
});
