// The command post's drill-down: the breadcrumb, the child regions with their progress, the region markers
// of the map at upper levels, and the bounded lists that stand in for every TPS there.
import { defineMessages } from "../i18n";

export const drillDownMessages = defineMessages({
  id: {
    "drill.election": "Seluruh pemilihan",
    "drill.breadcrumb": "Wilayah yang dibuka",
    "drill.children": "Wilayah di bawahnya",
    "drill.region": "Wilayah",
    "drill.tps": "TPS",
    "drill.reported": "Masuk",
    "drill.status": "Status terburuk",
    "drill.incidents": "Insiden terbuka",
    "drill.openRegion": "Buka {name}",
    "drill.markerTitle": "{name}: {share} masuk, {incidents} insiden terbuka",
    "drill.aggregateNote": "{tps} TPS: peta menampilkan wilayah; buka wilayah yang lebih kecil untuk melihat TPS.",
    "drill.progress": "Masuk {reporting} dari {tps} TPS ({share})",
    "drill.quickOnly": "TPS baru hitung cepat: {count}",
    "drill.stale": "TPS belum hadir: {count}",
    "drill.more": "dan {count} lainnya",
    "drill.none": "Tidak ada.",
  },
  en: {
    "drill.election": "Whole election",
    "drill.breadcrumb": "Open area",
    "drill.children": "Areas below",
    "drill.region": "Area",
    "drill.tps": "TPS",
    "drill.reported": "Reported",
    "drill.status": "Worst status",
    "drill.incidents": "Open incidents",
    "drill.openRegion": "Open {name}",
    "drill.markerTitle": "{name}: {share} reported, {incidents} open incidents",
    "drill.aggregateNote": "{tps} TPS: the map shows areas; open a smaller area to see its TPS.",
    "drill.progress": "{reporting} of {tps} TPS in ({share})",
    "drill.quickOnly": "TPS with a quick entry only: {count}",
    "drill.stale": "TPS not yet arrived: {count}",
    "drill.more": "and {count} more",
    "drill.none": "None.",
  },
});
