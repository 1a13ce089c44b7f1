import { describe, expect, it } from 'vitest';
import { checkSmsLength, countSegments, isGsm7 } from './segments.ts';

const seg = (text: string) => {
  const s = countSegments(text);
  return [s.encoding, s.units, s.segments];
};

describe('GSM-7', () => {
  it('160 characters is one segment, 161 two; 306 two, 307 three; 459 three, 460 four', () => {
    expect(seg('a'.repeat(160))).toEqual(['GSM-7', 160, 1]);
    expect(seg('a'.repeat(161))).toEqual(['GSM-7', 161, 2]);
    expect(seg('a'.repeat(153 * 2))).toEqual(['GSM-7', 306, 2]);
    expect(seg('a'.repeat(153 * 2 + 1))).toEqual(['GSM-7', 307, 3]);
    expect(seg('a'.repeat(153 * 3))).toEqual(['GSM-7', 459, 3]);
    expect(seg('a'.repeat(153 * 3 + 1))).toEqual(['GSM-7', 460, 4]);
  });
  it('the basic set, including accented letters, Greek capitals and @£$¥, stays GSM-7', () => {
    expect(isGsm7('@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜ§¿¡äöñüà\n\r')).toBe(true);
    expect(countSegments('Hola, ¿qué tal?').encoding).toBe('GSM-7'); // é and ¿ are in the basic set
    expect(countSegments('¿Cómo está?').encoding).toBe('UCS-2'); // ó and á are not
    expect(countSegments('Olá').encoding).toBe('UCS-2');
  });
  it('extension characters count two septets each: ^{}\\[~]|€', () => {
    expect(seg('^{}\\[~]|€')).toEqual(['GSM-7', 18, 1]);
    expect(seg('€'.repeat(80))).toEqual(['GSM-7', 160, 1]);
    expect(seg('€'.repeat(81))).toEqual(['GSM-7', 162, 2]);
  });
  it('an escape pair is not split across segments', () => {
    // 152 'a' then '€' (2 septets): 154 > 153, so the € starts segment two.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(10);
    expect(countSegments(text)).toMatchObject({ units: 164, segments: 2, remaining: 153 - 12 });
    // Exactly 153 septets ending in '€' still fits: 151 + 2.
    expect(countSegments('a'.repeat(151) + '€' + 'a'.repeat(153))).toMatchObject({ units: 306, segments: 2 });
    expect(countSegments('a'.repeat(152) + '€' + 'a'.repeat(152))).toMatchObject({ units: 306, segments: 3 });
  });
  it('remaining and perSegment drive the live counter', () => {
    expect(countSegments('hello')).toMatchObject({ perSegment: 160, remaining: 155 });
    expect(countSegments('a'.repeat(161))).toMatchObject({ perSegment: 153, remaining: 153 * 2 - 161 });
  });
});

describe('UCS-2', () => {
  it('70 code units is one segment, 71 two; 134 two, 135 three', () => {
    expect(seg('ж'.repeat(70))).toEqual(['UCS-2', 70, 1]);
    expect(seg('ж'.repeat(71))).toEqual(['UCS-2', 71, 2]);
    expect(seg('ж'.repeat(134))).toEqual(['UCS-2', 134, 2]);
    expect(seg('ж'.repeat(135))).toEqual(['UCS-2', 135, 3]);
  });
  it('one emoji turns a GSM message into UCS-2 and counts two code units', () => {
    expect(seg('Hi 👋')).toEqual(['UCS-2', 5, 1]);
    expect(countSegments('Hi 👋 ñ').nonGsmCharacters).toEqual(['👋']);
    expect(seg('😀'.repeat(35))).toEqual(['UCS-2', 70, 1]);
    expect(seg('😀'.repeat(36))).toEqual(['UCS-2', 72, 2]);
  });
  it('a surrogate pair is not split: 66 units + emoji moves the emoji to the next part', () => {
    expect(countSegments('a'.repeat(66) + 'ж' + '😀' + 'a'.repeat(3))).toMatchObject({
      units: 72,
      segments: 2,
    });
    expect(countSegments('ж'.repeat(66) + '😀' + 'ж'.repeat(66))).toMatchObject({ units: 134, segments: 3 });
    expect(countSegments('ж'.repeat(65) + '😀' + 'ж'.repeat(67))).toMatchObject({ units: 134, segments: 2 });
  });
});

describe('the 1,600-character limit', () => {
  it('1,600 passes, 1,601 is refused with the numbers', () => {
    expect(checkSmsLength('a'.repeat(1600))).toEqual({ ok: true, length: 1600 });
    expect(checkSmsLength('a'.repeat(1601))).toEqual({ ok: false, length: 1601, max: 1600 });
    expect(checkSmsLength('😀'.repeat(801))).toEqual({ ok: false, length: 1602, max: 1600 });
  });
});
