import { describe, expect, it } from 'vitest';
import { classifyInbound } from './opt-out.ts';

const kind = (body: string) => classifyInbound(body).kind;

describe('exact keywords (Twilio defaults; FCC per-se list)', () => {
  it.each(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'])(
    '%s opts out',
    (word) => {
      expect(classifyInbound(word)).toEqual({ kind: 'opt_out', keyword: word });
      expect(classifyInbound(word.toLowerCase())).toEqual({ kind: 'opt_out', keyword: word });
      expect(classifyInbound(` ${word[0]}${word.slice(1).toLowerCase()}. `)).toEqual({
        kind: 'opt_out',
        keyword: word,
      });
    },
  );
  it.each([
    ' Stop. ',
    'STOP!!',
    '"stop"',
    '¡Stop!',
    'stop 🛑',
    '\tSTOP\n',
    'Opt out',
    'opt-out',
    'Stop all',
    'ＳＴＯＰ',
  ])('%j opts out', (body) => {
    expect(kind(body)).toBe('opt_out');
  });
  it.each(['START', 'yes', 'Unstop!', ' Start. '])('%j opts in', (body) => {
    expect(kind(body)).toBe('opt_in');
  });
  it.each(['HELP', 'help?', 'Info'])('%j asks for help', (body) => {
    expect(kind(body)).toBe('help');
  });
});

describe('likely revocations (any reasonable means, FCC 2025): flagged, not applied', () => {
  it.each([
    'please stop texting me',
    "Don't text me anymore",
    'don’t message me again',
    'Do not contact me',
    'remove me from your list',
    'Take me off your list!!',
    'no more messages',
    'Stop sending me these messages',
    'I want to unsubscribe',
    'leave me alone',
    'wrong number',
    'stop please',
    'Please stop',
    'STOP IT NOW',
    'stpo',
    'I do not want any more texts',
    'no me envíen más mensajes',
    'No me manden mensajes',
    'alto',
    'Basta!',
    'No mas',
    'dejen de enviarme mensajes',
    'por favor denme de baja'.replace('denme', 'darme'),
    'quitenme de su lista',
  ])('%j', (body) => {
    expect(classifyInbound(body)).toEqual({ kind: 'likely_revocation' });
  });
});

describe('not a revocation', () => {
  it.each([
    "I can't stop thinking about the plan",
    'stop by tomorrow?',
    'Can you stop by the office at 3?',
    'Yes please send me the quote',
    'what does the plan cover?',
    'Thanks! Talk soon',
    "Don't call me, text me instead",
    'the bus stop is on Main St',
    'It was the end of the month',
    'Claro, mándame la información',
    '',
  ])('%j is none', (body) => {
    expect(kind(body)).toBe('none');
  });
  it('a keyword inside a sentence is not an exact opt-out', () => {
    expect(kind('I will stop by')).toBe('none');
    expect(kind('STOP texting me')).toBe('likely_revocation');
  });
});
