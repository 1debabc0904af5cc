// A file's size for people: 1.5 MB, 320 KB, 12 bytes (binary units, as the upload limits).
const MB = 1024 * 1024;

export function formatFileSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return bytes === 1 ? "1 byte" : `${bytes} bytes`;
}
