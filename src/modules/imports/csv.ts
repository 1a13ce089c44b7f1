/**
 * A streaming RFC 4180 CSV parser: quoted fields with commas, doubled quotes and line breaks,
 * CRLF or LF line ends, a UTF-8 byte-order mark, blank lines skipped. Feed it text chunks of any
 * size; it yields complete records with the physical line number each starts on.
 */
export type CsvRecord = { line: number; fields: string[] };

export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  private quotePending = false; // saw a quote inside a quoted field: either "" or the closing quote
  private line = 1;
  private recordLine = 1;
  private started = false;
  private fieldStarted = false;

  /** Parse a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // the quote closed the field; handle c as unquoted below
        } else if (c === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (c === '\n') this.line++;
          this.field += c;
          continue;
        }
      }
      if (c === '"' && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
        continue;
      }
      if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.fieldStarted = false;
        continue;
      }
      if (c === '\r') continue; // CR of CRLF (a lone CR inside quotes is kept above)
      if (c === '\n') {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        continue;
      }
      this.field += c;
      this.fieldStarted = true;
    }
    return out;
  }

  /** Finish: returns the last record if the input did not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes)
      throw new CsvSyntaxError(
        `A quoted field that starts on line ${this.recordLine} is never closed.`,
        this.recordLine,
      );
    this.endRecord(out);
    return out;
  }

  private endRecord(out: CsvRecord[]) {
    if (this.fields.length === 0 && this.field === '' && !this.fieldStarted) return; // blank line
    this.fields.push(this.field);
    out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
    this.fieldStarted = false;
  }
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Parse a whole string (tests and small inputs). */
export function parseCsv(text: string): CsvRecord[] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}

/** Escape a value for a CSV cell (error reports, templates). */
export const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
