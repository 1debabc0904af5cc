/**
 * The file name as kept and offered on download: the last path segment only, no control or
 * bidirectional-override characters, no leading dots, at most 200 characters; "file" when
 * nothing is left.
 */
export function safeFilename(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? "";
  const clean = last
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"*:<>?|]/g, "")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(0, 200);
  return clean || "file";
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 8187 encoding. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
