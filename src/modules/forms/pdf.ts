import { createHash } from 'node:crypto';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
} from 'pdf-lib';
import { type DecodedPng, decodeSimplePng } from './png.ts';
import type { Signature } from '../users/index.ts';
import type {
  AuthorizedRepresentative,
  ContactMethod,
  ExceptionReason,
  FormAgent,
  FormEventType,
  FormKind,
  FormLanguage,
  SoaPlan,
} from './schema.ts';
import { contactLabel, exceptionLabel, formTexts, planLabel } from './texts.ts';

export type PdfEvent = {
  type: FormEventType;
  at: Date;
  ip: string | null;
  userAgent: string | null;
  detail?: string | null;
};

export type PdfInput = {
  formId: string;
  version: number;
  kind: FormKind;
  language: FormLanguage;
  agent: FormAgent;
  beneficiaryName: string;
  signerName: string;
  authorizedRep: AuthorizedRepresentative | null;
  signature: Signature;
  signedAt: Date;
  consentedAt: Date;
  plans: SoaPlan[];
  firstContactMethod: ContactMethod | null;
  appointmentAt: Date | null;
  appointmentCompletedAt: Date | null;
  exceptionReason: ExceptionReason | null;
  exceptionNote: string | null;
  events: PdfEvent[];
};

const A4 = { w: 612, h: 792 }; // US Letter, points
const MARGIN = 54;
const utc = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 19)} UTC`;

/** Decode a PNG data URL; null when it is not a PNG. */
export function pngBytes(dataUrl: string): Uint8Array | null {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!m) return null;
  const bytes = Buffer.from(m[1]!, 'base64');
  const magic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return bytes.length > 8 && magic.every((b, i) => bytes[i] === b) ? bytes : null;
}

/** A writer that flows text down pages, wrapping lines and adding pages as needed. */
class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage([A4.w, A4.h]);
    this.y = A4.h - MARGIN;
  }
  ensure(h: number) {
    if (this.y - h < MARGIN) this.newPage();
  }
  /** Characters the standard fonts cannot encode (WinAnsi) become "?" (the answer cached per character). */
  clean(s: string, font: PDFFont) {
    let out = '';
    for (const ch of s.replace(/[\r\n\t]+/g, ' ')) {
      let ok = ENCODABLE.get(ch);
      if (ok === undefined) {
        try {
          font.encodeText(ch);
          ok = true;
        } catch {
          ok = false;
        }
        ENCODABLE.set(ch, ok);
      }
      out += ok ? ch : '?';
    }
    return out;
  }
  text(s: string, opts: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    const width = A4.w - 2 * MARGIN - indent;
    const words = this.clean(s, font).split(' ');
    const space = font.widthOfTextAtSize(' ', size);
    let line = '';
    let lineWidth = 0;
    const flush = () => {
      this.ensure(size + 3);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: rgb(0, 0, 0) });
      this.y -= size + 3;
      line = '';
      lineWidth = 0;
    };
    for (const w of words) {
      const ww = font.widthOfTextAtSize(w, size);
      if (line && lineWidth + space + ww > width) flush();
      lineWidth = line ? lineWidth + space + ww : ww;
      line = line ? `${line} ${w}` : w;
    }
    if (line) flush();
    this.y -= opts.gap ?? 4;
  }
  field(label: string, value: string) {
    this.text(`${label}: ${value}`, { gap: 2 });
  }
  rule() {
    this.ensure(10);
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 4 },
      end: { x: A4.w - MARGIN, y: this.y - 4 },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
    this.y -= 12;
  }
}

/** Put a decoded PNG on the page as an image XObject with its alpha as a soft mask. */
function drawDecodedPng(
  doc: PDFDocument,
  page: PDFPage,
  img: DecodedPng,
  box: { x: number; y: number; width: number; height: number },
) {
  const base = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: img.width,
    Height: img.height,
    BitsPerComponent: 8,
  };
  const smask = img.alpha
    ? doc.context.register(
        doc.context.stream(img.alpha, { ...base, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }),
      )
    : undefined;
  const ref = doc.context.register(
    doc.context.stream(img.rgb, {
      ...base,
      ColorSpace: 'DeviceRGB',
      Filter: 'FlateDecode',
      ...(smask ? { SMask: smask } : {}),
    }),
  );
  const name = page.node.newXObject('Sig', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(box.width, 0, 0, box.height, box.x, box.y),
    drawObject(name),
    popGraphicsState(),
  );
}

/** WinAnsi-encodable or not, per character (Helvetica and Helvetica-Bold share the encoding). */
const ENCODABLE = new Map<string, boolean>();

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * The signed form as a PDF: the form pages (agent, beneficiary, text, plans or consent, E-SIGN
 * consent, signature), then an audit page with every event (time, IP, user agent) and the SHA-256
 * of the form pages. The returned `sha256` is of the whole file: the one /verify looks up.
 */
export async function renderFormPdf(
  input: PdfInput,
): Promise<{ bytes: Uint8Array; sha256: string; contentSha256: string }> {
  const doc = await PDFDocument.create();
  const fixed = input.signedAt;
  doc.setTitle(`${input.kind.toUpperCase()} ${input.formId} v${input.version}`);
  doc.setProducer('OpenAMS');
  doc.setCreator('OpenAMS');
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, font, bold);
  const lang = input.language;
  const t = formTexts(input.kind, lang, {
    agencyName: input.agent.agencyName,
    agentName: input.agent.name,
    npn: input.agent.npn,
  });

  w.text(t.title, { size: 15, bold: true, gap: 8 });
  for (const p of t.intro) w.text(p);
  w.rule();
  w.text(lang === 'es' ? 'Agente' : 'Agent', { bold: true, size: 11 });
  w.field('Agent', input.agent.name);
  w.field('Agency', input.agent.agencyName);
  w.field('Phone', input.agent.phone);
  if (input.kind === 'soa') w.field('Sales rep ID (plan-assigned agent ID)', input.agent.salesRepId ?? '—');
  else w.field('NPN', input.agent.npn ?? '—');
  if (input.kind === 'soa') {
    w.field(
      'Initial method of contact',
      input.firstContactMethod ? contactLabel(input.firstContactMethod) : '—',
    );
    w.field('Appointment date', input.appointmentAt ? utc(input.appointmentAt) : '—');
    w.field(
      'Date appointment completed',
      input.appointmentCompletedAt ? utc(input.appointmentCompletedAt) : '—',
    );
    w.field(
      'Reason SOA not documented 48 hours prior',
      input.exceptionReason
        ? `${exceptionLabel(input.exceptionReason)}${input.exceptionNote ? ` — ${input.exceptionNote}` : ''}`
        : '—',
    );
  }
  w.rule();
  w.text(lang === 'es' ? 'Beneficiario' : 'Beneficiary', { bold: true, size: 11 });
  w.field('Name', input.beneficiaryName);
  if (input.kind === 'soa') {
    w.text(t.plansQuestion, { bold: true });
    const all = [
      'part_d',
      'medicare_advantage',
      'dental_vision_hearing',
      'hospital_indemnity',
      'medicare_supplement',
    ] as const;
    for (const p of all)
      w.text(`[${input.plans.includes(p) ? 'X' : ' '}] ${planLabel(lang, p)}`, { indent: 10, gap: 1 });
    w.y -= 4;
    w.field('Plans represented', input.plans.map((p) => planLabel('en', p)).join('; ') || '—');
  }
  for (const p of t.body) w.text(p);
  w.rule();
  w.text(lang === 'es' ? 'Consentimiento electrónico (E-SIGN)' : 'Electronic records consent (E-SIGN)', {
    bold: true,
    size: 11,
  });
  for (const p of t.esign) w.text(p, { size: 9 });
  w.text(`[X] ${t.esignAgree} (${utc(input.consentedAt)})`);
  w.rule();
  w.text(t.signAgree);
  w.field('Signed by', input.signerName);
  if (input.authorizedRep)
    w.field('Authorized representative', `${input.authorizedRep.name} (${input.authorizedRep.relationship})`);
  w.field('Signed at', utc(input.signedAt));
  if (input.signature.kind === 'typed') {
    w.text(input.signature.text, { size: 20, gap: 6 });
    w.text('(typed signature)', { size: 8 });
  } else {
    const png = pngBytes(input.signature.dataUrl);
    if (!png) throw new Error('signature is not a PNG');
    const fast = decodeSimplePng(png);
    const size = fast ?? (await doc.embedPng(png));
    const scale = Math.min(220 / size.width, 70 / size.height, 1);
    w.ensure(size.height * scale + 10);
    const box = {
      x: MARGIN,
      y: w.y - size.height * scale,
      width: size.width * scale,
      height: size.height * scale,
    };
    if (fast) drawDecodedPng(doc, w.page, fast, box);
    else w.page.drawImage(size as Awaited<ReturnType<typeof doc.embedPng>>, box);
    w.y -= size.height * scale + 6;
    w.text('(drawn signature)', { size: 8 });
  }

  // The form pages' own hash, printed on the audit page that follows.
  const contentSha256 = sha256(await doc.save({ useObjectStreams: false }));

  w.newPage();
  w.text('Audit trail', { size: 14, bold: true, gap: 8 });
  w.field('Form', `${input.formId} (${input.kind}), version ${input.version}`);
  w.field('Language', input.language);
  w.field('SHA-256 of the form pages', '');
  w.text(contentSha256, { size: 9 });
  w.rule();
  for (const e of input.events) {
    w.text(`${utc(e.at)}  ${e.type.toUpperCase()}${e.detail ? ` — ${e.detail}` : ''}`, {
      bold: true,
      size: 9,
      gap: 1,
    });
    w.text(`IP: ${e.ip ?? '—'}   User agent: ${e.userAgent ?? '—'}`, { size: 8, indent: 10, gap: 4 });
  }
  w.rule();
  w.text(
    'Anyone may check that this file is the one issued: upload it, or paste its SHA-256, at the /verify page of the issuing OpenAMS.',
    { size: 8 },
  );
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, sha256: sha256(bytes), contentSha256 };
}
