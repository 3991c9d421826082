/**
 * The files a lesson may carry, recognised by extension AND by their first bytes: a renamed
 * executable or an HTML page dressed as a .png is refused. No SVG or HTML: both can hold
 * script that would run on CalmDesk's own address.
 */

export interface TFileType {
  contentType: string;
  /** Shown in the page (images) rather than downloaded. */
  isInline: boolean;
  matches: (bytes: Buffer) => boolean;
}

const startsWith = (magic: number[] | string) => (bytes: Buffer) => {
  const m = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : Buffer.from(magic);
  return bytes.length >= m.length && bytes.subarray(0, m.length).equals(m);
};
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);

/** Text files: valid UTF-8 without NUL bytes. */
function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export const FILE_TYPES: Record<string, TFileType> = {
  png: { contentType: 'image/png', isInline: true, matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { contentType: 'image/jpeg', isInline: true, matches: startsWith([0xff, 0xd8, 0xff]) },
  jpeg: { contentType: 'image/jpeg', isInline: true, matches: startsWith([0xff, 0xd8, 0xff]) },
  gif: { contentType: 'image/gif', isInline: true, matches: startsWith('GIF8') },
  webp: { contentType: 'image/webp', isInline: true, matches: (b) => startsWith('RIFF')(b) && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  pdf: { contentType: 'application/pdf', isInline: false, matches: startsWith('%PDF-') },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', isInline: false, matches: ZIP },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', isInline: false, matches: ZIP },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', isInline: false, matches: ZIP },
  txt: { contentType: 'text/plain; charset=utf-8', isInline: false, matches: isText },
  csv: { contentType: 'text/csv; charset=utf-8', isInline: false, matches: isText },
  md: { contentType: 'text/markdown; charset=utf-8', isInline: false, matches: isText },
  mp3: { contentType: 'audio/mpeg', isInline: true, matches: (b) => startsWith('ID3')(b) || (b.length > 1 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0) },
};

/**
 * The type of a file by its name and bytes.
 * @returns the type, or an explanation of why the file is refused
 */
export function detectFileType(name: string, bytes: Buffer): { type: TFileType } | { problem: string } {
  const extension = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const type = extension ? FILE_TYPES[extension] : undefined;
  if (!type) return { problem: `"${name}": only ${Object.keys(FILE_TYPES).join(', ')} files can be attached` };
  if (!type.matches(bytes)) return { problem: `"${name}" is not a real .${extension} file (its content does not match the extension)` };
  return { type };
}

/**
 * A Content-Disposition header that keeps a Chinese file name (RFC 6266 / 5987).
 * @param disposition inline or attachment
 */
export function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Served files may not run anything, even if a browser were talked into rendering one. */
export const FILE_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, max-age=3600',
} as const;
