// Guessing and flooding (docs/decisions/030-guessing-and-flooding.md): refusals of a guesser, the command
// post's security alerts, and what a citizen is told when reports flood in.
import { defineMessages } from "../i18n";

export const limitsMessages = defineMessages({
  id: {
    "limits.accountGuarded":
      "Terlalu banyak PIN atau kata sandi salah untuk akun ini dari perangkat yang belum pernah dipakai masuk. Masuklah dari perangkat yang biasa Anda pakai, atau minta PIN baru ke posko.",
    "limits.smsPair":
      "Terlalu banyak PIN salah dari nomor ini untuk TPS {tps}. Coba lagi {minutes} menit lagi atau hubungi posko.",
    "limits.smsSender": "Terlalu banyak PIN salah dari nomor ini. Coba lagi {minutes} menit lagi atau hubungi posko.",
    "limits.smsAccount":
      "Terlalu banyak PIN salah untuk TPS {tps} dari nomor lain. Kirim dari nomor petugas yang terdaftar di posko, atau hubungi posko.",
    "limits.reportPerClient":
      "Terlalu banyak laporan dari alamat internet ini: sudah {count} dalam {minutes} menit terakhir. Coba lagi dalam {minutes} menit; laporan ini belum tersimpan.",
    "limits.reportBusy":
      "Posko sedang menerima sangat banyak laporan sekaligus dan antreannya penuh. Laporan ini belum tersimpan: coba lagi dalam {minutes} menit.",
    "limits.reportQueued":
      "Posko sedang menerima sangat banyak laporan sekaligus. Laporan Anda tersimpan dan masuk antrean; petugas membacanya sesudah laporan sebelumnya.",
    "security.title": "Peringatan keamanan",
    "security.account":
      "{failures} PIN atau kata sandi salah untuk akun {subject} dari perangkat atau nomor asing ({channel}) dalam 24 jam. Akun ini kini hanya menerima masuk dari perangkat dan nomor miliknya.",
    "security.address":
      "{failures} percobaan masuk gagal dari alamat {subject} dalam 15 menit, pada satu atau banyak akun.",
    "security.sender": "{failures} PIN salah lewat SMS dari nomor {subject} dalam 15 menit, pada satu atau banyak TPS.",
    "security.dismiss": "Tutup",
    "security.at": "pukul {time}",
    "security.web": "web",
    "security.sms": "SMS",
    "flood.queueTitle": "Antrean saat laporan membanjir ({count})",
    "flood.queueNote":
      "Laporan warga yang masuk ketika laporan membanjir. Dikelompokkan bila isinya hampir sama; laporan lain tetap di atas.",
    "flood.similar": "+{count} laporan serupa",
    "flood.showSimilar": "Tampilkan yang serupa",
    "flood.hideSimilar": "Sembunyikan yang serupa",
    "flood.more": "Tampilkan {count} lagi",
  },
  en: {
    "limits.accountGuarded":
      "Too many wrong PINs or passwords for this account from devices it never signed in from. Sign in from the device you usually use, or ask the command post for a new PIN.",
    "limits.smsPair":
      "Too many wrong PINs from this number for TPS {tps}. Try again in {minutes} minutes or call the command post.",
    "limits.smsSender":
      "Too many wrong PINs from this number. Try again in {minutes} minutes or call the command post.",
    "limits.smsAccount":
      "Too many wrong PINs for TPS {tps} from other numbers. Send from the officer's number registered with the command post, or call the command post.",
    "limits.reportPerClient":
      "Too many reports from this internet address: {count} in the last {minutes} minutes. Try again in {minutes} minutes; this report was not saved.",
    "limits.reportBusy":
      "The command post is receiving very many reports at once and its queue is full. This report was not saved: try again in {minutes} minutes.",
    "limits.reportQueued":
      "The command post is receiving very many reports at once. Your report is saved and queued; staff read it after the reports before it.",
    "security.title": "Security alert",
    "security.account":
      "{failures} wrong PINs or passwords for account {subject} from unknown devices or numbers ({channel}) within 24 hours. It now accepts sign-ins only from its own devices and number.",
    "security.address": "{failures} failed sign-ins from address {subject} within 15 minutes, on one or many accounts.",
    "security.sender": "{failures} wrong SMS PINs from number {subject} within 15 minutes, on one or many TPS.",
    "security.dismiss": "Dismiss",
    "security.at": "at {time}",
    "security.web": "web",
    "security.sms": "SMS",
    "flood.queueTitle": "Queue while reports flood in ({count})",
    "flood.queueNote":
      "Citizen reports that arrived while reports flooded in. Grouped when nearly identical; other reports stay above.",
    "flood.similar": "+{count} similar reports",
    "flood.showSimilar": "Show similar",
    "flood.hideSimilar": "Hide similar",
    "flood.more": "Show {count} more",
  },
});
