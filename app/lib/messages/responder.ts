// The field responder's screen.
import { defineMessages } from "../i18n";

export const responderMessages = defineMessages({
  id: {
    "responder.title": "Tim lapangan",
    "responder.mine": "Tugas saya ({count} terbuka)",
    "responder.none": "Belum ada insiden yang dikirim ke Anda.",
    "responder.directions": "Petunjuk arah",
    "responder.openMaps": "Buka di aplikasi peta",
    "responder.shareLocation": "Bagikan lokasi saya ke posko",
    "responder.locationShared": "Lokasi terkirim ke posko.",
    "responder.locationError": "Lokasi tidak bisa dibaca atau dikirim.",
    "responder.locationWaiting": "Menunggu GPS…",
  },
  en: {
    "responder.title": "Field team",
    "responder.mine": "My tasks ({count} open)",
    "responder.none": "No incidents have been dispatched to you yet.",
    "responder.directions": "Directions",
    "responder.openMaps": "Open in maps app",
    "responder.shareLocation": "Share my location with the command post",
    "responder.locationShared": "Location sent to the command post.",
    "responder.locationError": "Location could not be read or sent.",
    "responder.locationWaiting": "Waiting for GPS…",
  },
});
