// Who sees and sends what: sharing a citizen's report with the TPS officer, and the refusals of uploads that
// are not their author's to make.
import { defineMessages } from "../i18n";

export const visibilityMessages = defineMessages({
  id: {
    "visibility.share": "Bagikan ke petugas TPS",
    "visibility.shareHint": "Petugas TPS baru melihat laporan warga ini setelah dibagikan, tanpa identitas pelapor.",
    "visibility.shared": "Dibagikan ke petugas TPS",
    "visibility.notShareable": "Hanya laporan warga tentang sebuah TPS yang dapat dibagikan ke petugas TPS.",
    "visibility.photoTooManyPixels":
      "Foto terlalu besar: {width} × {height} piksel. Paling banyak {max} megapiksel dan sisi terpanjang {edge} piksel.",
    "visibility.photoUnreadable": "Ukuran foto tidak dapat dibaca dari berkasnya. Kirim foto JPEG, PNG atau WebP.",
    "visibility.photoNeedsTps": "Foto C.Hasil harus menyebut TPS-nya.",
    "visibility.photoOtherIncident":
      "Foto ini hanya boleh dilampirkan oleh pelapor kejadian atau untuk TPS kejadian itu.",
    "visibility.photoUnknownIncident": "Kejadian {id} tidak ditemukan.",
    "visibility.photoIdsNotYours": "Foto {id} bukan foto Anda untuk kejadian ini.",
    "visibility.photoOtherSubmission": "Kiriman ini milik TPS {tps}, bukan TPS atau pemilihan foto ini.",
  },
  en: {
    "visibility.share": "Share with the TPS officer",
    "visibility.shareHint":
      "The TPS officer sees this citizen report only once shared, without the reporter's identity.",
    "visibility.shared": "Shared with the TPS officer",
    "visibility.notShareable": "Only a citizen's report about a TPS can be shared with the TPS officer.",
    "visibility.photoTooManyPixels":
      "The photo is too large: {width} × {height} pixels. At most {max} megapixels and {edge} pixels on the longest side.",
    "visibility.photoUnreadable": "The photo's size cannot be read from the file. Send a JPEG, PNG or WebP photo.",
    "visibility.photoNeedsTps": "A C.Hasil photo must name its TPS.",
    "visibility.photoOtherIncident":
      "Only the incident's reporter, or someone reporting for its TPS, may attach this photo.",
    "visibility.photoUnknownIncident": "Incident {id} was not found.",
    "visibility.photoIdsNotYours": "Photo {id} is not one of yours for this incident.",
    "visibility.photoOtherSubmission": "This submission belongs to TPS {tps}, not to this photo's TPS or contest.",
  },
});
