// The pocket guide: what an officer needs on the day, in both languages. Static text but for the SMS
// section, which the page fills from its loader; either way it is in the page, which works offline once cached. Follows the usual order of the day at a TPS (PKPU procedures).
import type { Lang } from "./i18n";

interface Section {
  id: string;
  title: Record<Lang, string>;
  /** null: the section is built from the election's data (the SMS section). */
  steps: Record<Lang, string[]> | null;
}

export const GUIDE: Section[] = [
  {
    id: "arrival",
    title: { id: "1. Tiba dan persiapan (sebelum 07.00)", en: "1. Arrival and setup (before 07:00)" },
    steps: {
      id: [
        "Tiba paling lambat pukul 06.30. Buka Pantau dan lakukan check-in: izinkan lokasi GPS.",
        "Bila jarak ke TPS lebih dari 300 m (mis. TPS pindah), tetap check-in dan tulis catatannya.",
        "Isi daftar periksa pembukaan: KPPS lengkap, kotak suara tersegel, surat suara cukup, DPT ditempel.",
        'Tekan "Buka TPS" saat KPPS membuka pemungutan suara.',
      ],
      en: [
        "Arrive by 06:30 at the latest. Open Pantau and check in: allow GPS location.",
        "If you are more than 300 m from the TPS (e.g. it moved), still check in and write a note.",
        "Fill in the opening checklist: KPPS complete, ballot boxes sealed, enough ballots, DPT posted.",
        'Tap "Open TPS" when the KPPS opens voting.',
      ],
    },
  },
  {
    id: "voting",
    title: { id: "2. Pemungutan suara (07.00–13.00)", en: "2. Voting (07:00–13:00)" },
    steps: {
      id: [
        "Amati tanpa mengganggu. Pemilih DPT, lalu DPTb, lalu DPK (satu jam terakhir, dengan KTP-el).",
        "Perhatikan: intimidasi, politik uang, pemilih memilih lebih dari sekali, surat suara kurang.",
        'Setiap kejadian: buka "Lapor kejadian", pilih kategori dan tingkat, foto bila aman, kirim.',
        "Tidak ada sinyal? Laporan tetap tersimpan di kotak keluar dan terkirim otomatis nanti.",
      ],
      en: [
        "Observe without interfering. DPT voters first, then DPTb, then DPK (last hour, with e-KTP).",
        "Watch for: intimidation, vote buying, people voting twice, ballots running short.",
        'For any incident: open "Report incident", choose category and severity, take a photo if safe, send.',
        "No signal? Reports stay in the outbox and are sent automatically later.",
      ],
    },
  },
  {
    id: "counting",
    title: { id: "3. Penghitungan suara (setelah 13.00)", en: "3. Counting (after 13:00)" },
    steps: {
      id: [
        'Tekan "Mulai penghitungan" saat KPPS mulai menghitung.',
        "Catat suara setiap calon, suara tidak sah, dan surat suara terpakai dari formulir C1 plano.",
        "Jumlah suara calon harus sama dengan suara sah; sah + tidak sah = surat suara terpakai.",
      ],
      en: [
        'Tap "Start counting" when the KPPS starts counting.',
        "Write down each candidate's votes, invalid votes and ballots used from the C1 plano form.",
        "Candidate votes must add up to the valid votes; valid + invalid = ballots used.",
      ],
    },
  },
  {
    id: "c1",
    title: { id: "4. Mengisi hitung cepat (C1)", en: "4. Filling in the quick count (C1)" },
    steps: {
      id: [
        "Buka pemilihan yang sesuai, isi angka persis seperti di C1. Pantau memeriksa hitungannya langsung.",
        "Ada peringatan (mis. partisipasi di atas 95%)? Periksa lagi; bila benar, tulis alasannya.",
        "Foto formulir C1 dengan jelas, seluruh halaman, tanpa bayangan, lalu kirim.",
        "Tanpa data internet: kirim SMS QC (lihat di bawah). Tanpa sinyal sama sekali: isi formulir kertas dan serahkan ke posko.",
      ],
      en: [
        "Open the right contest and enter the numbers exactly as on the C1. Pantau checks the arithmetic at once.",
        "A warning (e.g. turnout above 95%)? Check again; if the numbers are right, write why.",
        "Photograph the C1 form clearly, the whole page, no shadows, and send.",
        "No mobile data: send the QC text message (below). No signal at all: fill in the paper form and take it to the command post.",
      ],
    },
  },
  {
    // Filled in from the election: the gateway's number, this TPS's ballots and the words the SMS parser
    // accepts (app/lib/sms.ts), so the guide cannot teach a message the server would refuse.
    id: "sms",
    title: { id: "5. SMS cadangan (ada sinyal, tanpa data)", en: "5. SMS fallback (signal but no data)" },
    steps: null,
  },
  {
    id: "report",
    title: { id: "6. Apa yang dilaporkan", en: "6. What to report" },
    steps: {
      id: [
        "Kritis: kekerasan, ancaman, kotak suara dirusak atau dibawa lari — lapor segera, lalu hubungi polisi (110).",
        "Tinggi: politik uang, intimidasi pemilih, surat suara habis.",
        "Sedang/rendah: prosedur tidak diikuti, logistik terlambat, DPT bermasalah.",
        "Keselamatan Anda lebih penting dari foto: jangan memotret bila berbahaya.",
      ],
      en: [
        "Critical: violence, threats, ballot boxes damaged or taken away — report at once, then call the police (110).",
        "High: vote buying, voter intimidation, ballots run out.",
        "Medium/low: procedures not followed, late logistics, voter list problems.",
        "Your safety matters more than a photo: do not take pictures when it is dangerous.",
      ],
    },
  },
];
