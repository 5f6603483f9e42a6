// Working without signal: whether the phone is ready for it (officer home), and Pantau's own offline page
// (shown when a page cannot be reached and is not stored yet, and after a logout made without signal).
import { defineMessages } from "../i18n";

export const offlineMessages = defineMessages({
  id: {
    "offline.preparing": "Menyiapkan mode tanpa sinyal…",
    "offline.ready": "Siap dipakai tanpa sinyal",
    "offline.incomplete": "Belum siap tanpa sinyal: buka aplikasi lagi saat ada sinyal.",
    "offline.pageTitle": "Pantau — tanpa sinyal",
    "offline.title": "Tidak ada sinyal",
    "offline.notStored":
      "Halaman ini belum tersimpan di ponsel. Laporan yang sudah Anda buat aman di kotak keluar dan terkirim otomatis saat sinyal kembali.",
    "offline.tps": "TPS {tps}",
    "offline.record": "Catat hitung cepat",
    "offline.recordHint": "Angka disimpan di ponsel dan dikirim otomatis saat sinyal kembali.",
    "offline.ballot": "Surat suara",
    "offline.choice": "No. {number} {name}",
    "offline.invalid": "Suara tidak sah",
    "offline.needNumber": "Isi angka 0 atau lebih di setiap kotak.",
    "offline.save": "Simpan di ponsel",
    "offline.saved": "Tersimpan di ponsel: hitung cepat {contest}. Terkirim saat sinyal kembali.",
    "offline.waiting": "Menunggu kirim di ponsel ini: {n} laporan.",
    "offline.myTps": "TPS saya",
    "offline.retry": "Coba lagi",
    "offline.loggedOut": "Anda sudah keluar",
    "offline.logoutPending":
      "Ponsel ini sudah melupakan sesi Anda. Sesi di server diakhiri otomatis begitu ada sinyal.",
    "offline.logoutDone": "Sesi di server sudah diakhiri.",
    "offline.login": "Masuk",
  },
  en: {
    "offline.preparing": "Getting ready to work without signal…",
    "offline.ready": "Ready to use without signal",
    "offline.incomplete": "Not ready without signal yet: open the app again when there is signal.",
    "offline.pageTitle": "Pantau — no signal",
    "offline.title": "No signal",
    "offline.notStored":
      "This page is not stored on this phone yet. Reports you made are safe in the outbox and are sent when the signal is back.",
    "offline.tps": "TPS {tps}",
    "offline.record": "Record a quick count",
    "offline.recordHint": "The numbers are kept on this phone and sent when the signal is back.",
    "offline.ballot": "Ballot",
    "offline.choice": "No. {number} {name}",
    "offline.invalid": "Invalid votes",
    "offline.needNumber": "Enter 0 or more in every box.",
    "offline.save": "Save on this phone",
    "offline.saved": "Saved on this phone: quick count {contest}. Sent when the signal is back.",
    "offline.waiting": "Waiting to be sent from this phone: {n} reports.",
    "offline.myTps": "My TPS",
    "offline.retry": "Try again",
    "offline.loggedOut": "You are logged out",
    "offline.logoutPending": "This phone has forgotten your session. It ends on the server as soon as there is signal.",
    "offline.logoutDone": "The session has ended on the server.",
    "offline.login": "Log in",
  },
});
