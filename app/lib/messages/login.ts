// The login screen.
import { defineMessages } from "../i18n";

export const loginMessages = defineMessages({
  id: {
    "app.tagline": "Pemantauan hari pemungutan suara",
    "login.title": "Masuk",
    "login.login": "Nama pengguna atau kode TPS",
    "login.secret": "Kata sandi atau PIN",
    "login.submit": "Masuk",
    "login.hint": "Petugas TPS masuk dengan kode TPS dan PIN.",
    "login.example":
      "Kode TPS seperti di surat tugas, mis. {example} (titik, spasi atau tanpa tanda hubung juga bisa).",
    "login.unknownTps": "Tidak ada TPS dengan kode {tps}. Periksa kode di surat tugas Anda.",
    "login.wrongPin": "PIN salah untuk TPS {tps}. Periksa PIN di surat tugas; bila tetap gagal, hubungi posko.",
    "login.unclearTps":
      "Kode TPS tidak terbaca. Tulis 10 angka kode kelurahan, tanda hubung, lalu nomor TPS, mis. {example}.",
    "public.fromLogin": "Tanpa akun: lihat hasil sementara atau laporkan pelanggaran",
  },
  en: {
    "app.tagline": "Election-day monitoring",
    "login.title": "Log in",
    "login.login": "User name or TPS code",
    "login.secret": "Password or PIN",
    "login.submit": "Log in",
    "login.hint": "TPS officers log in with their TPS code and PIN.",
    "login.example": "The TPS code as on your letter of assignment, e.g. {example} (dots, spaces or no dash work too).",
    "login.unknownTps": "There is no TPS with the code {tps}. Check the code on your letter of assignment.",
    "login.wrongPin":
      "Wrong PIN for TPS {tps}. Check the PIN on your letter; if it still fails, call the command post.",
    "login.unclearTps":
      "The TPS code cannot be read. Write the 10-digit kelurahan code, a dash, then the TPS number, e.g. {example}.",
    "public.fromLogin": "No account: see the provisional results or report a violation",
  },
});
