import "server-only";
import { fileTypeFromBuffer } from "file-type";

/**
 * What a file is, from its bytes (the name and the uploader's Content-Type are never trusted):
 * the binary formats by their magic numbers (file-type), then the text formats a browser would
 * run or render: SVG and HTML (markers in the first 4 KB), other XML, plain UTF-8 text. Anything
 * else is application/octet-stream.
 */
export async function sniffContentType(bytes: Uint8Array): Promise<string> {
  const found = await fileTypeFromBuffer(bytes);
  if (found && found.ext !== "xml") return found.mime;
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, "")
    .toLowerCase();
  if (/<svg[\s>]/.test(head)) return "image/svg+xml";
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<iframe[\s>]/.test(head)) return "text/html";
  if (found || head.trimStart().startsWith("<?xml")) return "application/xml";
  return isUtf8Text(bytes) ? "text/plain" : "application/octet-stream";
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Types a browser could render, run or style from: always served as application/octet-stream,
 * even though every download is an attachment with a sandbox CSP.
 */
const ACTIVE = /^(text\/html|image\/svg\+xml|application\/xml|text\/xml|application\/xhtml\+xml)$|script|wasm/;

/** The Content-Type a download is served with. */
export function servedContentType(sniffed: string): string {
  return ACTIVE.test(sniffed) ? "application/octet-stream" : sniffed;
}
