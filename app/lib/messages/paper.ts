// The printable paper forms (per TPS and per kelurahan).
import { defineMessages } from "../i18n";

export const paperMessages = defineMessages({
  id: {
    "paper.title": "Formulir kertas TPS",
    "paper.hint":
      "Untuk hari tanpa sinyal: cetak (A4), isi dengan pulpen, serahkan ke posko. Halaman ini juga terbuka offline.",
    "paper.print": "Cetak",
    "paper.qcTitle": "Formulir hitung cepat (C1)",
    "paper.qcHelp": "Tulis angka persis seperti di formulir C1 plano, satu angka per kotak, rata kanan.",
    "paper.incidentTitle": "Formulir laporan kejadian",
    "paper.incidentHelp": "Centang satu kategori dan satu tingkat. Tulis jelas: siapa, apa, di mana.",
    "paper.when": "Waktu kejadian (jam:menit)",
    "paper.officer": "Nama & tanda tangan petugas",
    "paper.time": "Jam diserahkan",
    "paper.enteredBy": "Diinput posko oleh",
    "paper.bulkTitle": "Cetak formulir kertas per kelurahan",
    "paper.kelurahanTitle": "Formulir kertas {name} ({code}) — {n} TPS",
    "paper.tpsCount": "{n} TPS",
  },
  en: {
    "paper.title": "TPS paper forms",
    "paper.hint":
      "For a day without signal: print (A4), fill in with a pen, hand in at the command post. This page also opens offline.",
    "paper.print": "Print",
    "paper.qcTitle": "Quick-count form (C1)",
    "paper.qcHelp": "Write the numbers exactly as on the C1 plano form, one digit per box, right-aligned.",
    "paper.incidentTitle": "Incident report form",
    "paper.incidentHelp": "Tick one category and one severity. Write clearly: who, what, where.",
    "paper.when": "Time of the incident (hh:mm)",
    "paper.officer": "Officer's name & signature",
    "paper.time": "Time handed in",
    "paper.enteredBy": "Keyed in at the command post by",
    "paper.bulkTitle": "Print paper forms per kelurahan",
    "paper.kelurahanTitle": "Paper forms {name} ({code}) — {n} TPS",
    "paper.tpsCount": "{n} TPS",
  },
});
