import "server-only";
import { Inflate, type Unzipped, unzipSync, zipSync } from "fflate";

/**
 * What an XLSX (a ZIP of XML parts) may unpack to. A 10 MB workbook of 20,000 rows is far
 * below it; a zip bomb (a few kB that inflate to gigabytes) is refused before any XML is parsed.
 */
export const ZIP_LIMITS = {
  /** Uncompressed bytes of all entries together. */
  totalBytes: 100 * 1024 * 1024,
  entries: 10_000,
  /** Input fed to the inflater at a time: bounds what one step can produce (about 1,032 x this). */
  chunkBytes: 16 * 1024,
} as const;

export type ZipRefusal = { kind: "not-zip" | "corrupt" | "encrypted" | "too-large"; message: string };
export class ZipRefused extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(refusal.message);
  }
}

const refuse = (kind: ZipRefusal["kind"], message: string): never => {
  throw new ZipRefused({ kind, message });
};

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

type Entry = { name: string; method: number; flags: number; compressed: number; size: number; offset: number };

/** The central directory: every entry's name and declared sizes, read without inflating anything. */
export function centralDirectory(bytes: Uint8Array): Entry[] {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
    refuse("not-zip", "not a ZIP archive");
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) refuse("corrupt", "the ZIP archive has no directory (truncated or damaged)");
  const count = u16(bytes, end + 10);
  const start = u32(bytes, end + 16);
  if (count === 0xffff || start === 0xffffffff) refuse("corrupt", "ZIP64 archives are not read");
  if (count > ZIP_LIMITS.entries) refuse("too-large", `the archive holds ${count} parts`);
  const entries: Entry[] = [];
  let at = start;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      refuse("corrupt", "the ZIP archive's directory is damaged");
    const nameLength = u16(bytes, at + 28);
    const entry: Entry = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressed: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff)
      refuse("corrupt", "ZIP64 archives are not read");
    entries.push(entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** fflate's own reading of the same directory: the declared sizes must agree with ours. */
function declaredByFflate(bytes: Uint8Array): Map<string, number> {
  const sizes = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        sizes.set(file.name, file.originalSize);
        return false; // nothing is inflated here
      },
    });
  } catch {
    refuse("corrupt", "the ZIP archive's directory is damaged");
  }
  return sizes;
}

function inflateWithin(data: Uint8Array, limit: number, name: string): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && !over; at += ZIP_LIMITS.chunkBytes) {
      const end = Math.min(at + ZIP_LIMITS.chunkBytes, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    refuse("corrupt", `the part ${name} is damaged`);
  }
  if (over) refuse("corrupt", `the part ${name} unpacks to more than its declared size`);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The archive unpacked under ZIP_LIMITS, checked twice: the declared sizes in the central
 * directory are added up before anything is inflated, then every part is inflated in small
 * steps that stop as soon as it passes its declared size (a directory that lies gains nothing).
 * Answers the same files as an uncompressed ZIP, which is what the XLSX parser then reads.
 */
export function unpackWithinLimits(bytes: Uint8Array): Uint8Array {
  const entries = centralDirectory(bytes);
  const fflateSizes = declaredByFflate(bytes);
  let declared = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) refuse("encrypted", "the archive is password-protected");
    declared += entry.size;
    if (fflateSizes.get(entry.name) !== entry.size) refuse("corrupt", "the ZIP archive's directory is damaged");
  }
  if (declared > ZIP_LIMITS.totalBytes)
    refuse(
      "too-large",
      `it unpacks to ${Math.ceil(declared / 1024 / 1024)} MB; at most ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB are read`,
    );
  const files: Unzipped = Object.create(null); // a part named __proto__ stays a part
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue; // a folder
    const local = entry.offset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50)
      refuse("corrupt", `the part ${entry.name} is damaged`);
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(dataStart, dataStart + entry.compressed);
    if (data.length !== entry.compressed) refuse("corrupt", `the part ${entry.name} is cut short`);
    let content: Uint8Array<ArrayBuffer>;
    if (entry.method === 0) content = new Uint8Array(data);
    else if (entry.method === 8) content = inflateWithin(data, entry.size, entry.name);
    else content = refuse("corrupt", `the part ${entry.name} uses a compression method that is not read`);
    if (content.length !== entry.size) refuse("corrupt", `the part ${entry.name} does not have its declared size`);
    files[entry.name] = content;
  }
  return zipSync(files, { level: 0 });
}
