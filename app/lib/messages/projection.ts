// The projection line shown on the command post and the public page.
import { defineMessages } from "../i18n";

export const projectionMessages = defineMessages({
  id: {
    "public.projection": "Proyeksi (95%)",
    "public.projectionNote":
      "Proyeksi dari sampel acak terstratifikasi: {reported} dari {size} TPS sampel sudah melapor; ± adalah batas kesalahan 95% dalam poin persen.",
    "admin.projection.sampleIn": "{reported}/{size} TPS sampel",
  },
  en: {
    "public.projection": "Projection (95%)",
    "public.projectionNote":
      "Projection from a stratified random sample: {reported} of {size} sample TPS have reported; ± is the 95% margin of error in percentage points.",
    "admin.projection.sampleIn": "{reported}/{size} sample TPS",
  },
});
