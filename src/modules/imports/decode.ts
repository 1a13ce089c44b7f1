/**
 * Which text encoding a file uses, judged from its first bytes: UTF-8 (with or without BOM),
 * Windows-1252 (what Excel on Windows writes; converted), or not text at all (refused). Pure.
 */
export type Sniffed =
  { kind: 'text'; encoding: 'utf-8' | 'windows-1252' } | { kind: 'binary'; reason: string };

export function sniffEncoding(head: Buffer): Sniffed {
  if (
    head.length >= 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
  ) {
    return { kind: 'binary', reason: 'The file is UTF-16; save it as “CSV UTF-8” and try again.' };
  }
  // A spreadsheet saved as .xlsx is a zip; an old .xls is an OLE file.
  if (head[0] === 0x50 && head[1] === 0x4b)
    return { kind: 'binary', reason: 'This is an Excel or zip file, not CSV: save it as CSV and try again.' };
  if (head.includes(0)) return { kind: 'binary', reason: 'This is not a CSV file: it contains binary data.' };
  if (isValidUtf8(head)) return { kind: 'text', encoding: 'utf-8' };
  return { kind: 'text', encoding: 'windows-1252' };
}

/** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the sample. */
export function isValidUtf8(b: Buffer): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (n < 0) return false;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return true; // truncated at the sample's end
      if ((b[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}
