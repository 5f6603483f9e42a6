// What the server answers when it refuses a request before any route sees it (server/request-boundary.ts):
// a body over its route's cap, a request from another site, a malformed request target or form.
import { defineMessages } from "../i18n";

export const requestBoundaryMessages = defineMessages({
  id: {
    "boundary.tooLarge": "Isi permintaan terlalu besar: paling banyak {limit} untuk alamat ini.",
    "boundary.crossOrigin":
      "Permintaan ini dikirim dari situs lain ({origin}) dan ditolak. Buka Pantau langsung di alamatnya sendiri lalu kirim ulang.",
    "boundary.badRequest": "Permintaan tidak sah: alamat atau kepala permintaan tidak bisa dibaca.",
    "boundary.badForm": "Isi formulir tidak bisa dibaca. Kirim ulang dari halaman Pantau.",
    "boundary.refused": "Permintaan ditolak",
    "boundary.home": "Ke beranda Pantau",
  },
  en: {
    "boundary.tooLarge": "The request body is too large: at most {limit} for this address.",
    "boundary.crossOrigin":
      "This request was sent from another site ({origin}) and was refused. Open Pantau at its own address and send it again.",
    "boundary.badRequest": "Bad request: the address or a header of the request cannot be read.",
    "boundary.badForm": "The form could not be read. Send it again from the Pantau page.",
    "boundary.refused": "Request refused",
    "boundary.home": "To the Pantau home page",
  },
});
