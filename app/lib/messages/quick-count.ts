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
    "c1.too_large": "Tidak boleh lebih dari {max}.",
    "c1.unknown_candidate": "Nomor urut {number} tidak ada di surat suara ini.",
    "c1.unknown_party": "Partai nomor {number} tidak ada di surat suara ini.",
    "c1.form_mismatch": "Angka ini berbeda dengan isian formulir lengkap ({form}).",
    "c1.confirmation_required":
      'Angka di formulir tidak cocok satu sama lain. Periksa lagi C.Hasil. Bila memang tertulis begitu, tulis "sesuai C.Hasil" sebagai konfirmasi (minimal {min} huruf).',
    "c1.row_sum": "Laki-laki ({m}) + perempuan ({f}) tidak sama dengan jumlah ({total}).",
    "c1.voters_sum": "Pemilih dari DPT + DPTb + DPK ({sum}) tidak sama dengan jumlah pengguna hak pilih ({total}).",
    "c1.dpt_voters_exceed": "Pemilih dari DPT ({used}) lebih banyak dari DPT ({dpt}).",
    "c1.dpt_mismatch": "DPT tertulis {given}, padahal DPT TPS ini {expected}.",
    "c1.ballots_sum": "Surat suara terpakai + rusak + sisa ({sum}) tidak sama dengan yang diterima ({received}).",
    "c1.received_mismatch": "Surat suara diterima {received}, seharusnya DPT + cadangan 2% = {expected}.",
    "c1.ballots_used_mismatch": "Surat suara terpakai ({used}) tidak sama dengan jumlah pengguna hak pilih ({voters}).",
    "c1.disabled_exceeds": "Pemilih disabilitas ({disabled}) lebih banyak dari semua pengguna hak pilih ({voters}).",
    "c1.total_mismatch": "Suara sah + tidak sah ({sum}) tidak sama dengan jumlah suara ({total}).",
    "c1.voters_mismatch": "Jumlah suara ({total}) tidak sama dengan jumlah pengguna hak pilih ({voters}).",
    "c1.party_sum": "Partai {party}: suara partai + suara calon = {sum}, tetapi jumlahnya tertulis {total}.",
    "c1.ballots_voters_differ":
      "Pemilih surat suara ini ({voters}) berbeda dari surat suara {contest} ({other}) lebih dari DPTb + DPK ({allowed}).",
    "c1.sum_mismatch": "Jumlah suara calon ({sum}) tidak sama dengan suara sah ({valid}).",
    "c1.ballots_mismatch": "Suara sah + tidak sah ({total}) tidak sama dengan surat suara terpakai ({ballotsUsed}).",
    "c1.exceeds_ballots":
      "Surat suara terpakai ({used}) melebihi surat suara yang diterima, DPT + cadangan 2% ({capacity}).",
    "c1.turnout_high": "Partisipasi {percent}% di atas 95%.",
    "c1.turnout_low": "Partisipasi {percent}% di bawah 20%.",
    "c1.unanimous": "Calon nomor {number} mendapat 100% suara sah.",
    "c1.invalid_high": "Suara tidak sah {percent}% di atas 10% surat suara terpakai.",
    "c1.large_change": "Berubah lebih dari separuh dari kiriman sebelumnya ({before} → {after}).",
    "c1.justification_required": "Ada peringatan: tulis alasan minimal {min} huruf bahwa angka sudah benar.",
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
    "c1.too_large": "Must not be more than {max}.",
    "c1.unknown_candidate": "Ballot number {number} is not on this ballot.",
    "c1.unknown_party": "Party {number} is not on this ballot.",
    "c1.form_mismatch": "This differs from the complete form ({form}).",
    "c1.confirmation_required":
      'The numbers on the form do not add up. Check the C.Hasil again. If it really says this, write "as on the C.Hasil" to confirm (at least {min} letters).',
    "c1.row_sum": "Men ({m}) + women ({f}) do not equal the total ({total}).",
    "c1.voters_sum": "Voters from DPT + DPTb + DPK ({sum}) do not equal all voters ({total}).",
    "c1.dpt_voters_exceed": "Voters from the DPT ({used}) exceed the DPT ({dpt}).",
    "c1.dpt_mismatch": "The form says DPT {given}, but this TPS has {expected}.",
    "c1.ballots_sum": "Ballots used + damaged + unused ({sum}) do not equal ballots received ({received}).",
    "c1.received_mismatch": "Ballots received {received}; DPT + 2% reserve is {expected}.",
    "c1.ballots_used_mismatch": "Ballots used ({used}) do not equal the number of voters ({voters}).",
    "c1.disabled_exceeds": "Voters with disabilities ({disabled}) exceed all voters ({voters}).",
    "c1.total_mismatch": "Valid + invalid ({sum}) do not equal the total votes ({total}).",
    "c1.voters_mismatch": "Total votes ({total}) do not equal the number of voters ({voters}).",
    "c1.party_sum": "Party {party}: party votes + candidate votes = {sum}, but the total says {total}.",
    "c1.ballots_voters_differ":
      "Voters on this ballot ({voters}) differ from ballot {contest} ({other}) by more than DPTb + DPK ({allowed}).",
    "c1.sum_mismatch": "Candidate votes add up to {sum}, not the {valid} valid votes.",
    "c1.ballots_mismatch": "Valid + invalid votes ({total}) do not equal the ballots used ({ballotsUsed}).",
    "c1.exceeds_ballots": "Ballots used ({used}) exceed the ballots received, DPT + 2% reserve ({capacity}).",
    "c1.turnout_high": "Turnout of {percent}% is above 95%.",
    "c1.turnout_low": "Turnout of {percent}% is below 20%.",
    "c1.unanimous": "Candidate {number} has 100% of the valid votes.",
    "c1.invalid_high": "Invalid votes are {percent}%, above 10% of ballots used.",
    "c1.large_change": "Changed by more than half from the earlier submission ({before} → {after}).",
    "c1.justification_required":
      "There are warnings: write a reason of at least {min} letters that the numbers are right.",
    "c1.fixNumbers": "Some numbers need fixing.",
  },
});

/** The message key of a C1 rule's finding. */
export const issueKey = (code: IssueCode): `c1.${IssueCode}` => `c1.${code}`;

/** The message of a C1 rule's finding, in `lang`. */
export const issueMessage = (lang: Lang, issue: Issue): string =>
  translate(lang, quickCountMessages, issueKey(issue.code), issue.params);
