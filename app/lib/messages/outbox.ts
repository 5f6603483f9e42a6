// The outbox on a shared phone and on a bad link: the true state of the network, the warning before a
// logout with unsent reports, the refusal of a report sent under another account's session, and what the
// command post learns about reports a phone still holds.
import { defineMessages } from "../i18n";

export const outboxMessages = defineMessages({
  id: {
    "net.noSignal": "Offline — tidak ada sinyal. Laporan disimpan di ponsel dan dikirim sendiri saat sinyal kembali.",
    "net.unreachable":
      "Server tidak terjangkau — laporan disimpan di ponsel dan dikirim sendiri begitu server menjawab.",
    "net.sending": "Mengirim…",
    "net.checking": "Memeriksa sambungan…",
    "net.connected": "Tersambung — laporan yang gagal dicoba lagi sebentar lagi.",
    "net.allSent": "Tersambung ke server.",
    "logout.unsentTitle": "Ada laporan yang belum terkirim",
    "logout.unsentBody": "{n} laporan Anda masih di ponsel ini dan belum sampai ke posko.",
    "logout.wait": "Tunggu sampai terkirim",
    "logout.anyway": "Tetap keluar",
    "logout.anywayNote": "Jika tetap keluar, laporan tetap di ponsel dan dikirim saat Anda masuk lagi.",
    "logout.cancel": "Batal",
    "logout.progress": "Terkirim {sent} dari {total}…",
    "logout.done": "Semua sudah diproses — keluar…",
    "api.otherAccount":
      "Laporan ini dibuat oleh akun lain di ponsel ini; laporan disimpan dan dikirim saat akun itu masuk lagi.",
    "detail.held": "{phones} ponsel menyimpan {n} laporan TPS ini yang belum terkirim (tertua {time}).",
  },
  en: {
    "net.noSignal":
      "Offline — no signal. Reports are kept on the phone and sent by themselves when the signal is back.",
    "net.unreachable":
      "Server unreachable — reports are kept on the phone and sent by themselves as soon as the server answers.",
    "net.sending": "Sending…",
    "net.checking": "Checking the connection…",
    "net.connected": "Connected — reports that failed are tried again shortly.",
    "net.allSent": "Connected to the server.",
    "logout.unsentTitle": "Some reports are not sent yet",
    "logout.unsentBody": "{n} of your reports are still on this phone and have not reached the command post.",
    "logout.wait": "Wait until they are sent",
    "logout.anyway": "Log out anyway",
    "logout.anywayNote": "If you log out anyway, the reports stay on the phone and go out when you log in again.",
    "logout.cancel": "Cancel",
    "logout.progress": "Sent {sent} of {total}…",
    "logout.done": "Everything is done — logging out…",
    "api.otherAccount":
      "This report was made by another account on this phone; it is kept and sent when that account logs in again.",
    "detail.held": "{phones} phone(s) hold {n} unsent report(s) of this TPS (oldest {time}).",
  },
});
