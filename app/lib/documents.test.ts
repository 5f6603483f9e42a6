import { describe, expect, it } from "vitest";
import { safeFileName, sniffDocument } from "./documents";

describe("documents accepted as evidence", () => {
  it("takes images and PDFs by their first bytes, whatever they are called", () => {
    expect(sniffDocument(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ"))).toBe("application/pdf");
    expect(sniffDocument(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
    expect(sniffDocument(new TextEncoder().encode("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffDocument(new TextEncoder().encode("%PDF"))).toBeNull(); // too short to be a PDF
    expect(sniffDocument(new Uint8Array())).toBeNull();
  });

  it("keeps only a harmless base name", () => {
    expect(safeFileName("C:\\Users\\ani\\bukti foto.jpg")).toBe("bukti foto.jpg");
    expect(safeFileName('../../etc/"passwd";\r\n')).toBe("passwd");
    expect(safeFileName("   ")).toBe("dokumen");
    expect(safeFileName("a".repeat(300) + ".pdf")).toHaveLength(200);
  });
});
