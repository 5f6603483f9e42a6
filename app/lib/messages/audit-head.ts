// The audit chain's signed head as the public page and printed recaps show it, and the first admin's
// one-time secret (the change-secret page and its refusals).
import { defineMessages } from "../i18n";

export const auditHeadMessages = defineMessages({
  id: {
    "auditHead.title": "Kepala jejak audit (bertanda tangan)",
    "auditHead.row": "Baris {id} jejak audit, ditandatangani {time}.",
    "auditHead.keep":
      "Simpan teks ini. Dengan teks ini siapa pun dapat membuktikan kelak bahwa riwayat sebelum waktu itu tidak ditulis ulang.",
    "auditHead.publicKey": "Kunci publik (Ed25519)",
    "auditHead.none": "Kepala jejak audit belum diterbitkan.",
    "auditHead.openData": "Kepala jejak audit (JSON)",
    "secret.title": "Ganti sandi sekali pakai",
    "secret.why":
      "Akun ini dibuat dengan sandi sekali pakai. Buat sandi Anda sendiri sebelum melanjutkan; tidak ada halaman lain yang terbuka sampai sandi diganti.",
    "secret.current": "Sandi sekali pakai",
    "secret.new": "Sandi baru (minimal 12 karakter)",
    "secret.confirm": "Ulangi sandi baru",
    "secret.submit": "Simpan sandi baru",
    "secret.wrongCurrent": "Sandi sekali pakai salah.",
    "secret.tooShort": "Sandi baru minimal 12 karakter.",
    "secret.sameAsOld": "Sandi baru harus berbeda dari sandi sekali pakai.",
    "secret.mismatch": "Kedua sandi baru tidak sama.",
    "secret.required": "Ganti dulu sandi sekali pakai Anda di /sandi sebelum melanjutkan.",
  },
  en: {
    "auditHead.title": "Audit head (signed)",
    "auditHead.row": "Audit log row {id}, signed {time}.",
    "auditHead.keep":
      "Keep this text. With it anyone can later prove that the history before that time was not rewritten.",
    "auditHead.publicKey": "Public key (Ed25519)",
    "auditHead.none": "No audit head has been published yet.",
    "auditHead.openData": "Audit head (JSON)",
    "secret.title": "Change your one-time secret",
    "secret.why":
      "This account was made with a one-time secret. Choose your own before going on; no other page opens until it is changed.",
    "secret.current": "One-time secret",
    "secret.new": "New secret (at least 12 characters)",
    "secret.confirm": "New secret again",
    "secret.submit": "Save the new secret",
    "secret.wrongCurrent": "The one-time secret is wrong.",
    "secret.tooShort": "The new secret needs at least 12 characters.",
    "secret.sameAsOld": "The new secret must differ from the one-time secret.",
    "secret.mismatch": "The two new secrets differ.",
    "secret.required": "Change your one-time secret at /sandi before going on.",
  },
});
