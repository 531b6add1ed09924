import { describe, expect, it } from "vitest";
import { sniffEvidenceType } from "./file-type.ts";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("evidence type by content", () => {
  it("recognizes JPEG, PNG, WebP and PDF by their first bytes", () => {
    expect(sniffEvidenceType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe("image/jpeg");
    expect(sniffEvidenceType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    const webp = new TextEncoder().encode("RIFF\x10\x00\x00\x00WEBPVP8 ");
    expect(sniffEvidenceType(webp)).toBe("image/webp");
    expect(sniffEvidenceType(new TextEncoder().encode("%PDF-1.7\n"))).toBe("application/pdf");
  });

  it("refuses anything else, whatever it is called: text, HTML, an SVG, a RIFF that is not WebP, empty", () => {
    expect(sniffEvidenceType(new TextEncoder().encode("just text pretending to be a .jpg"))).toBeNull();
    expect(
      sniffEvidenceType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>")),
    ).toBeNull();
    expect(sniffEvidenceType(new TextEncoder().encode("RIFF\x10\x00\x00\x00WAVEfmt "))).toBeNull();
    expect(sniffEvidenceType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffEvidenceType(bytes())).toBeNull();
  });
});
