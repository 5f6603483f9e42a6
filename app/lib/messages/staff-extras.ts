// What staff see of the officer's details: the command post's check-in line (without GPS, with the note)
// and the admin setting for the SMS gateway's number. Apart from officer-extras.ts so that the officer's
// phone does not download them (docs/decisions/014-messages-by-feature.md).
import { defineMessages } from "../i18n";

export const staffExtrasMessages = defineMessages({
  id: {
    "detail.checkin": "Check-in {time}, {distance} m dari TPS",
    "detail.checkinNoGps": "Check-in {time}, tanpa GPS",
    "detail.checkinNote": "Catatan: {note}",
    "detail.noCheckin": "Belum check-in",
    "admin.settings.sms": "Nomor SMS cadangan",
    "admin.settings.smsHelp":
      "Nomor gateway SMS yang menerima pesan QC dan INC petugas; tampil di panduan saku. Kosongkan bila belum ada.",
  },
  en: {
    "detail.checkin": "Checked in {time}, {distance} m from the TPS",
    "detail.checkinNoGps": "Checked in {time}, without GPS",
    "detail.checkinNote": "Note: {note}",
    "detail.noCheckin": "Not checked in",
    "admin.settings.sms": "SMS fallback number",
    "admin.settings.smsHelp":
      "The SMS gateway's number that receives officers' QC and INC messages; shown in the pocket guide. Leave empty if there is none yet.",
  },
});
