/** Hostile multipart uploads, generated for every route the OpenAPI document marks with `x-upload`. */

export interface FormPart {
  name: string;
  /** Present for a file part. */
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

/** A file the route accepts. */
export interface Sample {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface UploadCase {
  label: string;
  /** The raw request: a multipart body, or something pretending to be one. */
  payload: Buffer;
  contentType: string;
  /** A 413 with a Chinese message is the only right answer (the file is over every limit). */
  expectStatus?: number;
}

/** A multipart/form-data body built by hand, so that it can also be wrong on purpose. */
export function formData(parts: FormPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----envgridHostile${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.filename}"`;
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : "";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** An ELF header, then padding: what a Linux executable starts with. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
/** "MZ" and a DOS stub: a Windows executable. */
const WINDOWS_EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(120)]);
const HTML = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>";
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
const PASSWD = "root:x:0:0:root:/root:/bin/bash\n";

export const TRAVERSAL_NAMES = [
  "../../etc/passwd",
  "..\\..\\..\\windows\\win.ini",
  "/etc/passwd",
  "....//....//etc/passwd",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "evil\u0000.png",
];

/**
 * Uploads every route must refuse: over the size limit, content that is no accepted type whatever its name
 * or declared type, hostile file names on such content, an empty file, no file part, two file parts, a
 * broken or absent multipart body. `maxBytes` is the largest limit any upload route has; `sample`, a file the
 * route accepts, makes the two-file case two acceptable files (so only their number is wrong).
 */
export function refusedUploads(fileField: string, maxBytes: number, sample?: Sample): UploadCase[] {
  const file = (filename: string, contentType: string, data: Buffer | string) =>
    formData([{ name: fileField, filename, contentType, data }]);
  const cases: UploadCase[] = [];
  const add = (label: string, body: { payload: Buffer; contentType: string }, expectStatus?: number) =>
    cases.push({ label, ...body, expectStatus });

  const huge = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(Math.max(40 * 1024 * 1024, maxBytes + 1))]);
  add("40 MB file", file("现场.png", "image/png", huge), 413);
  add("HTML named .jpg", file("photo.jpg", "image/jpeg", HTML));
  add("SVG with script named .png", file("photo.png", "image/png", SVG));
  add("Linux executable named .png", file("photo.png", "image/png", ELF));
  add("Windows executable named .pdf", file("report.pdf", "application/pdf", WINDOWS_EXE));
  add("Windows executable named .xlsx", file("objects.xlsx", XLSX_TYPE, WINDOWS_EXE));
  add("PNG header only named .csv", file("objects.csv", "text/csv", PNG_SIGNATURE));
  for (const name of TRAVERSAL_NAMES)
    add(`file name ${JSON.stringify(name)}`, file(name, "text/plain", PASSWD));
  add("empty file", file("empty.png", "image/png", Buffer.alloc(0)));
  add("no file part", formData([{ name: "note", data: "只有备注，没有文件" }]));
  add("file under another field name", formData([{ name: "other", filename: "x.png", data: HTML }]));
  add(
    "two file parts",
    formData([
      { name: fileField, ...(sample ?? { filename: "a.txt", contentType: "text/plain", data: PASSWD }) },
      { name: fileField, ...(sample ?? { filename: "b.txt", contentType: "text/plain", data: HTML }) },
    ]),
  );
  const broken = file("x.png", "image/png", HTML);
  add("multipart cut short", { ...broken, payload: broken.payload.subarray(0, 80) });
  add("multipart without boundary", { payload: broken.payload, contentType: "multipart/form-data" });
  add("JSON instead of multipart", { payload: Buffer.from('{"file":"x"}'), contentType: "application/json" });
  return cases;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
