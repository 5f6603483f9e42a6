// What a client is told when a value is refused before it is used: a control character in a text, a query
// or path parameter that is not what the route reads (docs/decisions/028).
import { defineMessages } from "../i18n";

export const inputCheckMessages = defineMessages({
  id: {
    "input.controlCharacter":
      "Isian ini memuat karakter kendali (mis. NUL atau ESC) yang tidak diizinkan. Ketik ulang tanpa karakter itu.",
    "input.controlCharacterCell": "Sel ini memuat karakter kendali (mis. NUL atau ESC) yang tidak diizinkan.",
    "input.badParameter": "Parameter alamat tidak sah: {names}.",
    "input.parameterControlCharacter": "Parameter ini memuat karakter kendali yang tidak diizinkan.",
    "input.parameterWholeNumber": "Parameter ini harus bilangan bulat {min}–{max} (angka saja).",
    "input.parameterRegionCode": "Parameter ini harus kode wilayah (mis. 16.73.01) atau ID untuk seluruh wilayah.",
    "input.parameterTooMany": "Parameter ini boleh diulang paling banyak {max} kali.",
  },
  en: {
    "input.controlCharacter":
      "This field contains a control character (such as NUL or ESC) that is not allowed. Type it again without it.",
    "input.controlCharacterCell": "This cell contains a control character (such as NUL or ESC) that is not allowed.",
    "input.badParameter": "Invalid address parameter: {names}.",
    "input.parameterControlCharacter": "This parameter contains a control character that is not allowed.",
    "input.parameterWholeNumber": "This parameter must be a whole number {min}–{max} (digits only).",
    "input.parameterRegionCode":
      "This parameter must be a region code (such as 16.73.01) or ID for the whole election.",
    "input.parameterTooMany": "This parameter may be repeated at most {max} times.",
  },
});
