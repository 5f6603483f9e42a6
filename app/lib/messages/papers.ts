// Words every printed paper shares: page numbers, the signature block, the letterhead's contact line.
import { defineMessages } from "../i18n";

export const papersMessages = defineMessages({
  id: {
    "papers.page": "Halaman",
    "papers.of": "dari",
    "papers.placeDate": "{place}, {date}",
    "papers.signName": "(nama jelas dan tanda tangan)",
    "papers.poskoPhone": "Telepon posko: {phone}",
    "papers.printedAt": "Dicetak {time}",
    "papers.settings": "Kertas cetak",
    "papers.settings.letterhead": "Kop (rekap, surat kredensial, serah terima)",
    "papers.settings.place": "Tempat di blok tanda tangan",
    "papers.settings.poskoPhone": "Telepon posko (di surat kredensial; kosong: kontak darurat pertama)",
    "papers.settings.signers": "Penanda tangan, satu per baris: jabatan | nama",
  },
  en: {
    "papers.page": "Page",
    "papers.of": "of",
    "papers.placeDate": "{place}, {date}",
    "papers.signName": "(full name and signature)",
    "papers.poskoPhone": "Posko phone: {phone}",
    "papers.printedAt": "Printed {time}",
    "papers.settings": "Printed papers",
    "papers.settings.letterhead": "Letterhead (recap, credential letters, handover)",
    "papers.settings.place": "Place in the signature block",
    "papers.settings.poskoPhone": "Posko phone (on credential letters; empty: the first emergency contact)",
    "papers.settings.signers": "Who signs, one per line: position | name",
  },
});
