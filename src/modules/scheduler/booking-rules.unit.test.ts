import { describe, expect, it } from 'vitest';
import { bestMatch, checkBookingForm, chooseUser, type MatchCandidate } from './booking-rules.ts';
import type { BookingForm } from './schema.ts';

const form: BookingForm = {
  phoneRequired: true,
  questions: [
    { id: 'plan', label: 'Plan', type: 'text', required: false, options: [] },
    { id: 'notes', label: 'Notes', type: 'long_text', required: false, options: [] },
    { id: 'vet', label: 'Veteran?', type: 'yes_no', required: true, options: [] },
    { id: 'lang', label: 'Language', type: 'choice', required: true, options: ['English', 'Spanish'] },
  ],
};

describe('checkBookingForm', () => {
  it('normalises the phone and keeps answers in form order', () => {
    const r = checkBookingForm(form, {
      phone: '(312) 201-3344',
      answers: { lang: ' Spanish ', vet: false, plan: '' },
    });
    expect(r.problems).toEqual([]);
    expect(r.phone).toBe('+13122013344');
    expect(r.answers).toEqual([
      { questionId: 'vet', label: 'Veteran?', answer: false },
      { questionId: 'lang', label: 'Language', answer: 'Spanish' },
    ]);
  });

  it('lists every problem: phone, unknown question, required, wrong types, lengths, choices', () => {
    const r = checkBookingForm(form, {
      phone: 'call me',
      answers: { x: '1', plan: 'p'.repeat(301), notes: 5 as never, vet: 'yes', lang: 'French' },
    });
    expect(r.problems.map((p) => p.path)).toEqual([
      'phone',
      'answers.x',
      'answers.plan',
      'answers.notes',
      'answers.vet',
      'answers.lang',
    ]);
    expect(checkBookingForm(form, {}).problems.map((p) => p.path)).toEqual([
      'phone',
      'answers.vet',
      'answers.lang',
    ]);
  });

  it('a phone is optional when the form says so', () => {
    const r = checkBookingForm({ phoneRequired: false, questions: [] }, { phone: '  ' });
    expect(r).toEqual({ problems: [], phone: null, answers: [] });
  });
});

describe('bestMatch', () => {
  const c = (
    id: string,
    ms: number,
    keys: Partial<Pick<MatchCandidate, 'byEmail' | 'byPhone' | 'byName'>>,
  ): MatchCandidate => ({
    id,
    createdAt: new Date(ms),
    byEmail: false,
    byPhone: false,
    byName: false,
    ...keys,
  });
  it.each([
    ['no candidate', [], null],
    ['a candidate that matched nothing', [c('a', 1, {})], null],
    [
      'email beats newer phone and name',
      [c('a', 1, { byEmail: true }), c('b', 9, { byPhone: true }), c('c', 9, { byName: true })],
      ['a', 'email'],
    ],
    ['phone beats newer name', [c('a', 1, { byPhone: true }), c('b', 9, { byName: true })], ['a', 'phone']],
    ['same key: the newest', [c('a', 1, { byName: true }), c('b', 2, { byName: true })], ['b', 'name']],
    [
      'same key and time: the greater id',
      [c('a', 1, { byPhone: true }), c('b', 1, { byPhone: true })],
      ['b', 'phone'],
    ],
    [
      'several keys on one record count as the strongest',
      [c('a', 1, { byName: true, byPhone: true }), c('b', 2, { byName: true })],
      ['a', 'phone'],
    ],
  ] as const)('%s', (_n, list, want) => {
    const r = bestMatch(list);
    expect(r && [r.record.id, r.on]).toEqual(want);
  });
});

describe('chooseUser', () => {
  it('the preferred user when free, else the first free in list order', () => {
    expect(chooseUser(['a', 'b'], 'b')).toBe('b');
    expect(chooseUser(['a', 'b'], 'z')).toBe('a');
    expect(chooseUser(['b'], null)).toBe('b');
  });
});
