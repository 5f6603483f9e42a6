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
    "c1.sum_mismatch": "Jumlah suara calon ({sum}) tidak sama dengan suara sah ({valid}).",
    "c1.ballots_mismatch": "Suara sah + tidak sah ({total}) tidak sama dengan surat suara terpakai ({ballotsUsed}).",
    "c1.exceeds_ballots": "Surat suara terpakai ({used}) melebihi DPT + DPTb + DPK + cadangan 2% ({capacity}).",
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
    "c1.sum_mismatch": "Candidate votes add up to {sum}, not the {valid} valid votes.",
    "c1.ballots_mismatch": "Valid + invalid votes ({total}) do not equal the ballots used ({ballotsUsed}).",
    "c1.exceeds_ballots": "Ballots used ({used}) exceed DPT + DPTb + DPK + 2% reserve ({capacity}).",
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
