import { describe, expect, it } from 'vitest';
import {
  type ActivityShape,
  activityShapeProblems,
  appointmentProblems,
  MAX_DURATION_MS,
  overlaps,
  SUBJECT_MAX,
} from './rules.ts';

const U = '01900000-0000-7000-8000-000000000001';
const T = '01900000-0000-7000-8000-000000000002';
const R = '01900000-0000-7000-8000-000000000003';
const at = (s: string) => new Date(s);
const ok: ActivityShape = {
  subject: 'Call',
  ownerUserId: U,
  ownerTeamId: null,
  startsAt: at('2030-01-01T10:00:00Z'),
  endsAt: at('2030-01-01T11:00:00Z'),
  dueAt: null,
  salesRecordId: null,
  individualId: null,
  agentId: null,
  notes: '',
  details: {},
};
const paths = (a: Partial<ActivityShape>) => activityShapeProblems({ ...ok, ...a }).map((p) => p.path);

describe('activityShapeProblems', () => {
  it.each<[string, Partial<ActivityShape>, string[]]>([
    ['a valid timed activity', {}, []],
    ['a due one', { startsAt: null, endsAt: null, dueAt: at('2030-01-01T10:00:00Z') }, []],
    ['a start without an end', { endsAt: null }, []],
    ['end equal to start', { endsAt: at('2030-01-01T10:00:00Z') }, []],
    ['end one ms before start', { endsAt: at('2030-01-01T09:59:59.999Z') }, ['endsAt']],
    ['exactly 14 days', { endsAt: new Date(ok.startsAt!.getTime() + MAX_DURATION_MS) }, []],
    ['14 days and 1 ms', { endsAt: new Date(ok.startsAt!.getTime() + MAX_DURATION_MS + 1) }, ['endsAt']],
    ['no time at all', { startsAt: null, endsAt: null }, ['startsAt']],
    ['start and due', { dueAt: at('2030-01-01T10:00:00Z') }, ['dueAt']],
    ['an end without a start', { startsAt: null, dueAt: at('2030-01-01T10:00:00Z') }, ['endsAt']],
    ['an invalid date', { startsAt: new Date('nope') }, ['startsAt']],
    ['both owners', { ownerTeamId: T }, ['ownerTeamId']],
    ['a team owner', { ownerUserId: null, ownerTeamId: T }, []],
    ['no owner', { ownerUserId: null }, ['ownerUserId']],
    ['blank subject', { subject: '   ' }, ['subject']],
    [`subject of ${SUBJECT_MAX}`, { subject: 'x'.repeat(SUBJECT_MAX) }, []],
    [`subject of ${SUBJECT_MAX + 1}`, { subject: 'x'.repeat(SUBJECT_MAX + 1) }, ['subject']],
    ['two records', { salesRecordId: R, agentId: R }, ['salesRecordId']],
    ['one record', { individualId: R }, []],
    ['huge details', { details: { x: 'y'.repeat(20_000) } }, ['details']],
  ])('%s', (_name, change, expected) => {
    expect(paths(change)).toEqual(expected);
  });

  it('lists every problem at once', () => {
    expect(
      paths({ subject: '', ownerTeamId: T, startsAt: null, dueAt: null, salesRecordId: R, individualId: R }),
    ).toEqual(['subject', 'ownerTeamId', 'startsAt', 'endsAt', 'salesRecordId']);
  });
});

describe('appointmentProblems', () => {
  it('needs both a start and an end', () => {
    expect(appointmentProblems(ok)).toEqual([]);
    expect(appointmentProblems({ startsAt: ok.startsAt, endsAt: null })).toHaveLength(1);
    expect(appointmentProblems({ startsAt: null, endsAt: null })).toHaveLength(1);
  });
});

describe('overlaps (half-open)', () => {
  const a = at('2030-01-01T10:00:00Z');
  const b = at('2030-01-01T11:00:00Z');
  it.each<[string, string, string, boolean]>([
    ['touching before', '2030-01-01T09:00:00Z', '2030-01-01T10:00:00Z', false],
    ['touching after', '2030-01-01T11:00:00Z', '2030-01-01T12:00:00Z', false],
    ['one ms inside at the start', '2030-01-01T09:00:00Z', '2030-01-01T10:00:00.001Z', true],
    ['one ms inside at the end', '2030-01-01T10:59:59.999Z', '2030-01-01T12:00:00Z', true],
    ['containing', '2030-01-01T09:00:00Z', '2030-01-01T12:00:00Z', true],
    ['contained', '2030-01-01T10:15:00Z', '2030-01-01T10:45:00Z', true],
  ])('%s', (_n, s, e, expected) => {
    expect(overlaps(a, b, at(s), at(e))).toBe(expected);
    expect(overlaps(at(s), at(e), a, b)).toBe(expected);
  });
});
