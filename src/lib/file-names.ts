/**
 * Bidirectional-text controls (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069,
 * the marks U+200E, U+200F and U+061C): in a file name they make `invoice‮fdp.exe` read as
 * `invoiceexe.pdf`.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u0000-\u001f\u007f]/g;

/**
 * A name to store and show for an uploaded file: no bidi controls or control characters, no path
 * separators, at most 200 characters; `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = name
    .replace(UNSAFE, '')
    .replace(/[\ud800-\udfff]/g, (c, i: number, s: string) => (isPaired(s, i) ? c : '\ufffd'))
    .replace(/[/\\]/g, '_')
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}

/** Whether the surrogate at `i` is half of a pair. */
function isPaired(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c <= 0xdbff) return (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  return i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}
