import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { type EvidenceType, EXTENSION_OF, isPhoto, type PhotoType } from "../domain/evidence/file-type.ts";

export interface StoredEvidence {
  sha256: string;
  storagePath: string;
  publicPath: string | null;
  publicSize: number | null;
  width: number | null;
  height: number | null;
}

/** Thrown when bytes that look like a photo do not decode as one. */
export class UndecodableImage extends Error {}

/**
 * Content-addressed storage under the upload directory (outside the web root): the same file uploaded twice
 * is stored once. Photos also get a public copy: rotated upright from the EXIF orientation, then re-encoded
 * without any metadata, so no GPS position, device or owner name leaves with it.
 */
export async function storeEvidence(
  uploadDir: string,
  bytes: Buffer,
  type: EvidenceType,
): Promise<StoredEvidence> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const ext = EXTENSION_OF[type];
  const storagePath = path.join("original", sha256.slice(0, 2), `${sha256}.${ext}`);
  let publicPath: string | null = null;
  let publicSize: number | null = null;
  let width: number | null = null;
  let height: number | null = null;
  if (isPhoto(type)) {
    const clean = await cleanPhoto(bytes, type);
    width = clean.info.width;
    height = clean.info.height;
    publicPath = path.join("public", sha256.slice(0, 2), `${sha256}.${ext}`);
    publicSize = clean.data.length;
    await writeOnce(path.join(uploadDir, publicPath), clean.data);
  }
  await writeOnce(path.join(uploadDir, storagePath), bytes);
  return { sha256, storagePath, publicPath, publicSize, width, height };
}

/**
 * A photo rotated upright from its EXIF orientation and re-encoded in its own format without any metadata
 * (no GPS position, device or owner name). Throws UndecodableImage when the bytes do not decode as an image.
 */
export async function cleanPhoto(
  bytes: Buffer,
  type: PhotoType,
): Promise<{ data: Buffer; info: OutputInfo }> {
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: 100_000_000 }).rotate();
    const encoded =
      type === "image/png"
        ? image.png()
        : type === "image/webp"
          ? image.webp({ quality: 85 })
          : image.jpeg({ quality: 85, mozjpeg: true });
    // sharp writes no metadata unless asked to (withMetadata / keepExif), which is what we rely on
    return await encoded.toBuffer({ resolveWithObject: true });
  } catch {
    throw new UndecodableImage();
  }
}

/**
 * A stored photo as it may be shown: as it is when it carries no metadata, else cleaned (`cleanPhoto`). For
 * photos stored before every upload was cleaned on arrival (check-ins before 2026-11-30).
 */
export async function shownPhoto(bytes: Buffer, type: PhotoType): Promise<Buffer> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new UndecodableImage();
  }
  const bare = !meta.exif && !meta.xmp && !meta.iptc && !meta.icc && (meta.orientation ?? 1) === 1;
  return bare ? bytes : (await cleanPhoto(bytes, type)).data;
}

async function writeOnce(file: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    await fs.access(file);
    return; // same content, same name: already there
  } catch {
    // write to a temporary name and rename, so a reader never sees half a file
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, data, { mode: 0o640 });
    await fs.rename(tmp, file);
  }
}

/** An evidence file's absolute path, refusing anything that would leave the upload directory. */
export function evidenceFile(uploadDir: string, relative: string): string {
  const root = path.resolve(uploadDir);
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new Error("evidence path escapes the upload directory");
  return full;
}
