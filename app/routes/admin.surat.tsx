// /admin/surat: the credential letters inside the admin frame; the same page as /surat (app/routes/surat.tsx),
// where a kecamatan coordinator prints their own area's.
export { action, default, headers, loader } from "./surat";
