// The officer's details: check-in without GPS and the pocket guide's SMS section (what staff see of them:
// staff-extras.ts).
import { defineMessages } from "../i18n";

export const officerExtrasMessages = defineMessages({
  id: {
    "checkin.gpsDenied": "Izin lokasi ditolak. Izinkan lokasi untuk Pantau di pengaturan browser, lalu coba lagi.",
    "checkin.gpsUnavailable": "Ponsel tidak menemukan lokasi. Nyalakan GPS (Lokasi), lalu coba lagi.",
    "checkin.gpsTimeout": "GPS belum mendapat posisi dalam {seconds} detik. Coba di tempat terbuka.",
    "checkin.gpsUnsupported": "Ponsel atau browser ini tidak memberi lokasi.",
    "checkin.gpsRetry": "Coba GPS lagi",
    "checkin.where": "Di mana Anda sekarang?",
    "checkin.whereHint": "Tanpa GPS, posko hanya tahu dari catatan ini. Mis.: di TPS, halaman SD Negeri 2.",
    "checkin.whereNeeded": "Tanpa lokasi GPS: tulis singkat di mana Anda sekarang.",
    "guide.sms.sendTo": "Kirim SMS ke",
    "guide.sms.noNumber": "Nomor SMS belum diatur: tanyakan ke posko sebelum hari pemungutan.",
    "guide.sms.qc": "Hitung cepat",
    "guide.sms.qcFormat": "QC <kode TPS> <pemilihan> <suara no. 1> <suara no. 2> … <tidak sah> <PIN>",
    "guide.sms.qcOrder":
      "Suara ditulis urut nomor di surat suara (calon tunggal: suaranya, lalu kolom kosong), lalu suara tidak sah.",
    "guide.sms.reason": "Ada peringatan pada balasan? Kirim lagi dengan alasan di akhir:",
    "guide.sms.inc": "Kejadian",
    "guide.sms.incFormat": "INC <kode TPS> <kategori> <tingkat> <uraian> <PIN>",
    "guide.sms.categories": "Kata untuk kategori",
    "guide.sms.severities": "Kata untuk tingkat",
    "guide.sms.example": "Contoh",
    "guide.sms.pin": "Ganti {pin} dengan PIN Anda. Spasi boleh diganti #, koma atau titik koma.",
    "guide.sms.reply":
      "Balasan berisi kode tanda terima (mis. QC-1A2B3C4D) atau yang harus diperbaiki. Awali dengan EN untuk balasan bahasa Inggris.",
    "guide.sms.exampleIncident": "Pembagian amplop dekat TPS",
  },
  en: {
    "checkin.gpsDenied":
      "Location permission denied. Allow location for Pantau in the browser settings, then try again.",
    "checkin.gpsUnavailable": "The phone cannot find its location. Turn on GPS (Location), then try again.",
    "checkin.gpsTimeout": "GPS found no position within {seconds} seconds. Try in the open.",
    "checkin.gpsUnsupported": "This phone or browser gives no location.",
    "checkin.gpsRetry": "Try GPS again",
    "checkin.where": "Where are you now?",
    "checkin.whereHint": "Without GPS the command post only knows this note. E.g.: at the TPS, SD Negeri 2 yard.",
    "checkin.whereNeeded": "No GPS location: write briefly where you are now.",
    "guide.sms.sendTo": "Send the SMS to",
    "guide.sms.noNumber": "No SMS number set yet: ask the command post before election day.",
    "guide.sms.qc": "Quick count",
    "guide.sms.qcFormat": "QC <TPS code> <contest> <votes no. 1> <votes no. 2> … <invalid> <PIN>",
    "guide.sms.qcOrder":
      "Votes in ballot-number order (a single pair: its votes, then the blank column), then the invalid ballots.",
    "guide.sms.reason": "A warning in the reply? Send it again with the reason at the end:",
    "guide.sms.inc": "Incident",
    "guide.sms.incFormat": "INC <TPS code> <category> <severity> <description> <PIN>",
    "guide.sms.categories": "Words for the category",
    "guide.sms.severities": "Words for the severity",
    "guide.sms.example": "Example",
    "guide.sms.pin": "Replace {pin} with your PIN. Spaces may be #, commas or semicolons.",
    "guide.sms.reply":
      "The reply holds a receipt code (e.g. QC-1A2B3C4D) or what to fix. Start with EN for English replies.",
    "guide.sms.exampleIncident": "Envelopes handed out near the TPS",
  },
});
