import { LEAD_FIELDS, NOTE_HEADING } from './lead-fields.ts';

/** docs/import-columns.md, generated from the lead field catalogue (`npm run docs:columns`). */
export function renderImportColumnsDoc(): string {
  return [
    '# Lead columns for CSV import and HTTP POST',
    '',
    '<!-- Generated from src/modules/intake/lead-fields.ts by `npm run docs:columns`. Do not edit. -->',
    '',
    'CSV headings must match these exactly (case and spacing as shown). Any other column can be mapped',
    'to **Note** (each non-empty cell becomes a note on the record) or ignored. HTTP POST lead intake',
    '(`POST /api/v1/inbound/leads`, form-encoded or JSON, with an API key) uses the field names.',
    'A template: `GET /api/v1/imports/template.csv`.',
    '',
    '| CSV heading | POST field | required | format |',
    '|---|---|---|---|',
    ...LEAD_FIELDS.map(
      (f) =>
        `| ${f.heading} | \`${f.key}\` | ${'required' in f && f.required ? 'yes' : ''} | ${'hint' in f ? f.hint : ''} |`,
    ),
    `| ${NOTE_HEADING} | \`note\` (repeatable) | | free text; each cell a note |`,
    '',
    'Rows are matched against existing Sales Records (and earlier rows of the same file) by email, by',
    'phone or cell phone (either way round, in any format), or by first name + last name + date of',
    'birth; the import chooses to skip matches or fill in what they lack. Phones are stored in E.164,',
    'dates as YYYY-MM-DD (MM/DD/YYYY is read too), Medicare numbers without dashes.',
    '',
  ].join('\n');
}
