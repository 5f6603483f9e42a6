// The quick-count (C1) form and the C1 rules' findings. Shared by the officer's form, the command
// post's paper entry and verification, and the server (which checks the same rules).
import type { Issue, IssueCode } from "../c1-rules";
import { defineMessages, translate, type Lang } from "../i18n";

export const quickCountMessages = defineMessages({
  id: {
    "qc.title": "Hitung cepat: {contest}",
    "qc.candidate": "No. {number}",
    "qc.valid": "Jumlah suara sah",
    "qc.invalid": "Suara tidak sah",
    "qc.ballotsUsed": "Surat suara terpakai",
    "qc.sum": "Jumlah suara calon: {sum}",
    "qc.justification": "Alasan (wajib bila ada peringatan)",
    "qc.submit": "Kirim hasil",
    "qc.sent": "Terkirim. Status: {status}.",
    "qc.fixErrors": "Perbaiki isian yang ditandai merah.",
    "qc.warningsHead": "Peringatan: periksa lagi, lalu tulis alasannya bila angka sudah benar.",
    "c1.required": "Wajib diisi.",
    "c1.not_integer": "Harus bilangan bulat.",
    "c1.negative": "Tidak boleh negatif.",
    "c1.too_large": "Terlalu besar: paling banyak {max}. Periksa angka yang tertulis dua kali.",
    "c1.unknown_candidate": "Nomor urut {number} tidak ada di surat suara ini.",
    "c1.unknown_party": "Partai nomor {number} tidak ada di surat suara ini.",
    "c1.form_mismatch": "Angka ini berbeda dengan isian formulir lengkap ({form}). Samakan keduanya.",
    "c1.confirmation_required":
      'Angka di formulir tidak cocok satu sama lain. Periksa lagi C.Hasil. Bila di C.Hasil memang tertulis begitu, tulis "sesuai C.Hasil" di kolom alasan (minimal {min} huruf).',
    "c1.row_sum": "{box}: laki-laki {m} + perempuan {f} = {sum}, tetapi jumlahnya tertulis {total}.",
    "c1.voters_sum":
      "Pemilih dari DPT + DPTb + DPK (I.B.1 + I.B.2 + I.B.3 = {sum}) tidak sama dengan jumlah pemilih (I.B.4: {total}).",
    "c1.dpt_voters_exceed": "Pemilih dari DPT (I.B.1: {used}) lebih banyak dari DPT (I.A: {dpt}).",
    "c1.dpt_mismatch": "DPT (I.A) tertulis {given}, padahal DPT TPS ini {expected}.",
    "c1.ballots_sum":
      "Surat suara terpakai + rusak + sisa (II.2 + II.3 + II.4 = {sum}) tidak sama dengan yang diterima (II.1: {received}).",
    "c1.received_mismatch":
      "Surat suara diterima (II.1) tertulis {received}; seharusnya DPT + cadangan 2% = {expected}.",
    "c1.ballots_used_mismatch":
      "Surat suara terpakai (II.2: {used}) tidak sama dengan jumlah pemilih (I.B.4: {voters}).",
    "c1.disabled_exceeds": "Pemilih disabilitas (III: {disabled}) lebih banyak dari semua pemilih (I.B.4: {voters}).",
    "c1.total_mismatch": "Suara sah + tidak sah (V.A + V.B = {sum}) tidak sama dengan jumlah suara (V.C: {total}).",
    "c1.voters_mismatch": "Jumlah suara (V.C: {total}) tidak sama dengan jumlah pemilih (I.B.4: {voters}).",
    "c1.party_sum":
      "Partai {party}: suara partai saja + suara calonnya = {sum}, tetapi jumlah partai tertulis {total}.",
    "c1.ballots_voters_differ":
      "Jumlah pemilih surat suara ini ({voters}) berbeda dari surat suara {contest} ({other}), lebih dari DPTb + DPK ({allowed}). Pemilih yang sama menerima semua surat suara.",
    "c1.sum_mismatch": "Jumlah suara calon ({sum}) tidak sama dengan suara sah ({valid}).",
    "c1.ballots_mismatch": "Suara sah + tidak sah ({total}) tidak sama dengan surat suara terpakai ({ballotsUsed}).",
    "c1.exceeds_ballots":
      "Surat suara terpakai ({used}) melebihi surat suara yang diterima, DPT + cadangan 2% ({capacity}). Periksa suara tidak sah dan suara tiap calon.",
    "c1.turnout_high": "Partisipasi {percent}% dari DPT, di atas 95%.",
    "c1.turnout_low": "Partisipasi {percent}% dari DPT, di bawah 20%.",
    "c1.unanimous": "Calon nomor {number} mendapat 100% suara sah.",
    "c1.unanimous_blank": "Kolom kosong mendapat 100% suara sah.",
    "c1.invalid_high": "Suara tidak sah {percent}% dari jumlah suara, di atas 10%.",
    "c1.large_change": "Berubah lebih dari separuh dari kiriman sebelumnya ({before} → {after}).",
    "c1.justification_required":
      "Ada peringatan: periksa lagi angkanya. Bila sudah benar, tulis alasan minimal {min} huruf.",
    "c1.fixNumbers": "Ada angka yang perlu diperbaiki.",
  },
  en: {
    "qc.title": "Quick count: {contest}",
    "qc.candidate": "No. {number}",
    "qc.valid": "Valid votes",
    "qc.invalid": "Invalid votes",
    "qc.ballotsUsed": "Ballots used",
    "qc.sum": "Sum of candidate votes: {sum}",
    "qc.justification": "Reason (required when there are warnings)",
    "qc.submit": "Send result",
    "qc.sent": "Sent. Status: {status}.",
    "qc.fixErrors": "Fix the fields marked in red.",
    "qc.warningsHead": "Warning: check again, then write why the numbers are right.",
    "c1.required": "Required.",
    "c1.not_integer": "Must be a whole number.",
    "c1.negative": "Must not be negative.",
    "c1.too_large": "Too large: at most {max}. Check for a number written twice.",
    "c1.unknown_candidate": "Ballot number {number} is not on this ballot.",
    "c1.unknown_party": "Party {number} is not on this ballot.",
    "c1.form_mismatch": "This differs from the complete form ({form}). Make them the same.",
    "c1.confirmation_required":
      'The numbers on the form do not add up. Check the C.Hasil again. If it really says this, write "as on the C.Hasil" in the reason box (at least {min} letters).',
    "c1.row_sum": "{box}: men {m} + women {f} = {sum}, but the total says {total}.",
    "c1.voters_sum":
      "Voters from DPT + DPTb + DPK (I.B.1 + I.B.2 + I.B.3 = {sum}) do not equal all voters (I.B.4: {total}).",
    "c1.dpt_voters_exceed": "Voters from the DPT (I.B.1: {used}) exceed the DPT (I.A: {dpt}).",
    "c1.dpt_mismatch": "The form says DPT (I.A) {given}, but this TPS has {expected}.",
    "c1.ballots_sum":
      "Ballots used + damaged + unused (II.2 + II.3 + II.4 = {sum}) do not equal ballots received (II.1: {received}).",
    "c1.received_mismatch": "Ballots received (II.1) says {received}; DPT + 2% reserve is {expected}.",
    "c1.ballots_used_mismatch": "Ballots used (II.2: {used}) do not equal the number of voters (I.B.4: {voters}).",
    "c1.disabled_exceeds": "Voters with disabilities (III: {disabled}) exceed all voters (I.B.4: {voters}).",
    "c1.total_mismatch": "Valid + invalid (V.A + V.B = {sum}) do not equal the total votes (V.C: {total}).",
    "c1.voters_mismatch": "Total votes (V.C: {total}) do not equal the number of voters (I.B.4: {voters}).",
    "c1.party_sum":
      "Party {party}: party-only votes + its candidates' votes = {sum}, but the party total says {total}.",
    "c1.ballots_voters_differ":
      "Voters on this ballot ({voters}) differ from ballot {contest} ({other}) by more than DPTb + DPK ({allowed}). The same voters get every ballot.",
    "c1.sum_mismatch": "Candidate votes add up to {sum}, not the {valid} valid votes.",
    "c1.ballots_mismatch": "Valid + invalid votes ({total}) do not equal the ballots used ({ballotsUsed}).",
    "c1.exceeds_ballots":
      "Ballots used ({used}) exceed the ballots received, DPT + 2% reserve ({capacity}). Check the invalid votes and each candidate's votes.",
    "c1.turnout_high": "Turnout of {percent}% of the DPT is above 95%.",
    "c1.turnout_low": "Turnout of {percent}% of the DPT is below 20%.",
    "c1.unanimous": "Candidate {number} has 100% of the valid votes.",
    "c1.unanimous_blank": "The blank column has 100% of the valid votes.",
    "c1.invalid_high": "Invalid votes are {percent}% of all votes, above 10%.",
    "c1.large_change": "Changed by more than half from the earlier submission ({before} → {after}).",
    "c1.justification_required":
      "There are warnings: check the numbers again. If they are right, write a reason of at least {min} letters.",
    "c1.fixNumbers": "Some numbers need fixing.",
  },
});

/** The message key of a C1 rule's finding. */
export const issueKey = (code: IssueCode): `c1.${IssueCode}` => `c1.${code}`;

/** The message of a C1 rule's finding, in `lang`. */
export const issueMessage = (lang: Lang, issue: Issue): string =>
  translate(lang, quickCountMessages, issueKey(issue.code), issue.params);
