// The command post's connection state, its calmer feed and who else has a review item open.
import { defineMessages } from "../i18n";

export const liveMessages = defineMessages({
  id: {
    "live.stale": "Terputus: tidak ada kabar dari server",
    "live.connecting": "Menyambung…",
    "live.lastUpdate": "pembaruan terakhir {time}",
    "live.noUpdateYet": "belum ada pembaruan",
    "live.dimmed": "Terputus. Peta dan angka di layar mungkin sudah tidak terbaru.",
    "feed.newItems": "{count} baru",
    "feed.newItemsHint": "Tampilkan insiden baru di atas",
    "presence.alsoOpen": "Juga dibuka oleh {names}",
    "presence.warn": "{names} juga sedang membuka hasil ini. Keputusan Anda bisa menimpa keputusannya.",
    "presence.confirm": "Tetap simpan",
    "presence.cancel": "Batal",
    "map.shareReported": "{share} masuk",
    "map.clusterRing": "Kelompok TPS: lingkaran = bagian yang sudah masuk",
    "map.capped": "{count} TPS terlambat lainnya tidak ditandai di peta (lihat daftar)",
  },
  en: {
    "live.stale": "Disconnected: nothing heard from the server",
    "live.connecting": "Connecting…",
    "live.lastUpdate": "last update {time}",
    "live.noUpdateYet": "no update yet",
    "live.dimmed": "Disconnected. The map and figures on screen may be out of date.",
    "feed.newItems": "{count} new",
    "feed.newItemsHint": "Show the new incidents at the top",
    "presence.alsoOpen": "Also open by {names}",
    "presence.warn": "{names} also has this result open. Your decision may overwrite theirs.",
    "presence.confirm": "Save anyway",
    "presence.cancel": "Cancel",
    "map.shareReported": "{share} in",
    "map.clusterRing": "TPS group: ring = share reported",
    "map.capped": "{count} more late TPS not marked on the map (see the list)",
  },
});
