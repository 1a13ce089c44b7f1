/**
 * Classify an inbound text for the opt-out ledger.
 *
 * - `opt_out`: the whole message (ignoring case, surrounding spaces and punctuation, and spaces or a
 *   hyphen inside "opt out"/"stop all") is one of Twilio's default opt-out keywords — STOP, STOPALL,
 *   UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT — which also covers the FCC's per-se list
 *   (47 CFR 64.1200(a)(10): stop, quit, end, revoke, opt out, cancel, unsubscribe). Applied at once.
 * - `opt_in`: START, YES, UNSTOP. `help`: HELP, INFO.
 * - `likely_revocation`: consent may be revoked "by any reasonable means" (FCC 24-24, in force
 *   2025-04-11), so free text that a reasonable person would read as "stop contacting me" is flagged
 *   for a user to confirm — never applied automatically. English and Spanish phrasings: a cessation
 *   verb aimed at messaging ("stop texting me"), a negated contact verb with an object ("don't text me
 *   anymore"), "remove me from your list", "no more messages", "wrong number", a bare keyword with
 *   courtesy words ("stop please"), common misspellings, "alto", "basta", "no me envíen más mensajes".
 * - `none`: anything else.
 *
 * False positives are kept low by requiring a messaging word or an object: "I can't stop thinking
 * about the plan" and "stop by tomorrow?" are `none`. Known misses/false flags are accepted because
 * a human confirms every flag: "don't call me, text me instead" is `none` (the "instead" guard),
 * "how do I opt out of Part D?" is flagged.
 */
export type InboundClass = 'opt_out' | 'opt_in' | 'help' | 'likely_revocation' | 'none';
export type InboundClassification = { kind: InboundClass; keyword?: string };

const OPT_OUT = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
const OPT_IN = ['START', 'YES', 'UNSTOP'];
const HELP = ['HELP', 'INFO'];

const MISSPELLINGS = new Set([
  'stpo',
  'sotp',
  'stopp',
  'stoop',
  'st0p',
  'stp',
  'unsubcribe',
  'unsubscibe',
  'unsuscribe',
]);
const SPANISH_WORDS = new Set([
  'alto',
  'basta',
  'ya basta',
  'parar',
  'para',
  'cancelar',
  'baja',
  'no mas',
  'detener',
]);

const MESSAGING = String.raw`(?:text|texts|texting|txt|txts|txting|message|messages|messaging|msg|msgs|sms|contact|contacting|call|calls|calling|email|emails|emailing)`;
const REVOCATION: readonly RegExp[] = [
  // stop texting me / stop sending me messages / quit contacting me
  new RegExp(
    String.raw`\b(?:stop|quit|cease|end|halt|discontinue)\s+(?:sending\s+(?:me\s+|us\s+)?(?:these\s+|any\s+|your\s+)?|all\s+)?${MESSAGING}\b`,
  ),
  // don't text me anymore / do not contact me / never message us again / no longer text this number
  new RegExp(
    String.raw`\b(?:don'?t|dont|do\s+not|never|no\s+longer)\s+${MESSAGING}\s+(?:me|us|this\s+number|my\s+(?:phone|number|cell))\b`,
  ),
  new RegExp(
    String.raw`\b(?:don'?t|dont|do\s+not)\s+(?:want|wish)\s+(?:any\s+more\s+|more\s+|your\s+|these\s+|any\s+)?${MESSAGING}`,
  ),
  // remove me from your list / take me off the list / take my number off
  /\b(?:remove|delete|take)\s+(?:me|us|my\s+(?:number|name|info|information|phone))\s+(?:from|off)\b/,
  /\b(?:remove|delete)\s+(?:this|my)\s+(?:number|phone)\b/,
  new RegExp(String.raw`\bno\s+more\s+${MESSAGING}\b`),
  /\b(?:unsubscribe|opt\s*-?\s*out|revoke|withdraw\s+(?:my\s+)?consent)\b/,
  /\bleave\s+me\s+alone\b/,
  /\bwrong\s+(?:number|person)\b/,
  // a bare keyword with courtesy words: "stop please", "please stop", "stop it now"
  /^(?:(?:please|pls|plz)\s+)?(?:stop|quit|end|cancel|unsubscribe)(?:\s+(?:please|pls|plz|now|it|already|thanks|thank\s+you|immediately|asap))*$/,
  // Spanish: no me envíen/manden/escriban/contacten/llamen (más); no más mensajes; dar de baja; quitar de la lista
  /\bno\s+(?:me\s+|nos\s+)?(?:envi|mand|escrib|contact|llam)[a-z]*\b/,
  /\bno\s+mas\s+(?:mensajes|textos|sms|llamadas|correos)\b/,
  /\b(?:dar(?:me|nos)?\s+de\s+baja|(?:quit|sac|elimin|borr)(?:ar|en|e)(?:me|nos)\s+de\s+(?:la|su|tu|sus)\s+lista)/,
  /\b(?:deje|dejen)\s+de\s+(?:enviar|mandar|escribir|llamar|contactar)/,
];
/** Phrases that show the sender wants messages, just not some other channel. */
const GUARD = /\b(?:instead|rather)\b/;

const fold = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'");

export function classifyInbound(body: string): InboundClassification {
  const folded = fold(body);
  // Strip surrounding non-letters/digits; collapse inner whitespace.
  const core = folded.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/\s+/g, ' ');
  const keyword = core.replace(/^(opt|stop)[\s-]+(out|all)$/, '$1$2').toUpperCase();
  if (OPT_OUT.includes(keyword)) return { kind: 'opt_out', keyword };
  if (OPT_IN.includes(keyword)) return { kind: 'opt_in', keyword };
  if (HELP.includes(keyword)) return { kind: 'help', keyword };
  if (MISSPELLINGS.has(core) || SPANISH_WORDS.has(core)) return { kind: 'likely_revocation' };
  const text = folded
    .replace(/[^\p{L}\p{N}'\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const guarded = GUARD.test(text) && !/\b(?:stop|quit|remove|unsubscribe)\b/.test(text);
  if (!guarded && REVOCATION.some((re) => re.test(text))) return { kind: 'likely_revocation' };
  return { kind: 'none' };
}
