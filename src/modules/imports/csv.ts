/**
 * A streaming RFC 4180 CSV parser: quoted fields with commas, doubled quotes and line breaks,
 * CRLF or LF line ends, a UTF-8 byte-order mark, blank lines skipped. Feed it text chunks of any
 * size; it yields complete records with the physical line number each starts on.
 */
export type CsvRecord = { line: number; fields: string[] };

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  private quotePending = false; // saw a quote inside a quoted field: either "" or the closing quote
  private line = 1;
  private recordLine = 1;
  private started = false;
  private fieldStarted = false;

  /**
   * Parse a chunk; returns the records it completed. Runs of plain text are found with indexOf and
   * a character scan and sliced out whole, rather than appended a character at a time.
   */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = chunk.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    while (i < n) {
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (chunk.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          this.inQuotes = false; // the quote closed the field; handle this character as unquoted below
        } else {
          const q = chunk.indexOf('"', i);
          const end = q === -1 ? n : q;
          for (let nl = chunk.indexOf('\n', i); nl !== -1 && nl < end; nl = chunk.indexOf('\n', nl + 1))
            this.line++;
          this.field += chunk.slice(i, end);
          if (q === -1) return out;
          this.quotePending = true;
          i = q + 1;
          continue;
        }
      }
      const c = chunk.charCodeAt(i);
      if (c === QUOTE && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
        i++;
      } else if (c === COMMA) {
        this.fields.push(this.field);
        this.field = '';
        this.fieldStarted = false;
        i++;
      } else if (c === CR) {
        i++; // CR of CRLF (a lone CR inside quotes is kept above)
      } else if (c === LF) {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        i++;
      } else {
        // Plain text up to the next comma or line end; a quote inside it is an ordinary character.
        let end = i + 1;
        for (; end < n; end++) {
          const d = chunk.charCodeAt(end);
          if (d === COMMA || d === LF || d === CR) break;
        }
        this.field += chunk.slice(i, end);
        this.fieldStarted = true;
        i = end;
      }
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
