// The login screen.
import { defineMessages } from "../i18n";

export const loginMessages = defineMessages({
  id: {
    "app.tagline": "Pemantauan hari pemungutan suara",
    "login.title": "Masuk",
    "login.login": "Nama pengguna atau kode TPS",
    "login.secret": "Kata sandi atau PIN",
    "login.submit": "Masuk",
    "login.failed": "Nama pengguna atau kata sandi salah.",
    "login.hint": "Petugas TPS masuk dengan kode TPS dan PIN.",
    "public.fromLogin": "Tanpa akun: lihat hasil sementara atau laporkan pelanggaran",
  },
  en: {
    "app.tagline": "Election-day monitoring",
    "login.title": "Log in",
    "login.login": "User name or TPS code",
    "login.secret": "Password or PIN",
    "login.submit": "Log in",
    "login.failed": "Wrong user name or password.",
    "login.hint": "TPS officers log in with their TPS code and PIN.",
    "public.fromLogin": "No account: see the provisional results or report a violation",
  },
});
