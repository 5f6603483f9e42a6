// Officers' phone numbers as one form, +62 and the digits, however they were typed ("0812-3456-7890",
// "62 812 3456 7890", "+62 812..."): the roster's tap-to-call link and the SMS sender lookup compare them
// as written here. Only Indonesian numbers: officers are ASN with Indonesian SIM cards.

/** The number as +62 and 8 to 12 digits, or null when it is not an Indonesian phone number. */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^\+?[0-9 ().-]{6,24}$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[^0-9]/g, "");
  let national: string;
  if (trimmed.startsWith("+")) {
    if (!digits.startsWith("62")) return null;
    national = digits.slice(2);
  } else if (digits.startsWith("62")) national = digits.slice(2);
  else if (digits.startsWith("0")) national = digits.slice(1);
  else national = digits;
  if (national.startsWith("0")) national = national.slice(1);
  // A mobile number is 8xx with 9-12 digits in all; a landline an area code (2x-9x) and 7-10 digits.
  if (!/^[2-9]\d{7,11}$/.test(national)) return null;
  return `+62${national}`;
}

/** The `tel:` address of a normalised number. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, "")}`;

/** A normalised number as a spreadsheet keeps it as text: "0812 3456 7890" (a leading + or 0 alone would be
 *  read as a formula or lose its zero). */
export function phoneForSheet(phone: string): string {
  const national = "0" + phone.replace(/^\+62/, "");
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, "$1 $2 $3");
}
