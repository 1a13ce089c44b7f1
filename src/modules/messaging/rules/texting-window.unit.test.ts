import { describe, expect, it } from 'vitest';
import { checkTextingWindow, parseClock, type TextingWindowInput } from './texting-window.ts';

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const LA = 'America/Los_Angeles';
const INDY = 'America/Indiana/Indianapolis';

/** A recipient in New York state (no state rule) texted by a sender in the same zone, all day window. */
const check = (at: string, over: Partial<TextingWindowInput> = {}) =>
  checkTextingWindow({
    at: new Date(at),
    sender: { zone: NY, window: { start: '00:00', end: '24:00' } },
    recipient: { zones: [NY], state: 'NY' },
    ...over,
  });
const next = (d: ReturnType<typeof check>) =>
  d.allowed ? 'allowed' : (d.nextAllowedAt?.toISOString() ?? null);
const rules = (d: ReturnType<typeof check>) => (d.allowed ? [] : d.reasons.map((r) => `${r.rule}@${r.zone}`));

describe('federal quiet hours 08:00–21:00 recipient-local (47 CFR 64.1200(c)(1)), end-exclusive', () => {
  // 2026-06-10 is a Wednesday; New York is UTC−4 in June.
  it.each([
    ['07:59', '2026-06-10T11:59:00Z', '2026-06-10T12:00:00.000Z'],
    ['08:00', '2026-06-10T12:00:00Z', 'allowed'],
    ['20:59', '2026-06-11T00:59:00Z', 'allowed'],
    ['21:00', '2026-06-11T01:00:00Z', '2026-06-11T12:00:00.000Z'],
    ['23:30', '2026-06-11T03:30:00Z', '2026-06-11T12:00:00.000Z'],
  ])('%s New York local → %s', (_, at, expected) => {
    expect(next(check(at))).toBe(expected);
  });

  it('names the rule and the zone, with the local time and the allowed hours', () => {
    const d = check('2026-06-10T11:59:00Z');
    expect(d).toEqual({
      allowed: false,
      reasons: [
        {
          rule: 'federal_quiet_hours',
          zone: NY,
          localTime: '2026-06-10T07:59:00.000-04:00',
          allowedHours: '08:00–21:00',
          citation: '47 CFR 64.1200(c)(1)',
        },
      ],
      nextAllowedAt: new Date('2026-06-10T12:00:00Z'),
    });
  });
});

describe("the sender's texting window (default 08:00–19:00 in the sender's zone, seed 001)", () => {
  const sender = { zone: NY };
  it.each([
    ['07:59', '2026-06-10T11:59:00Z', '2026-06-10T12:00:00.000Z'],
    ['08:00', '2026-06-10T12:00:00Z', 'allowed'],
    ['18:59', '2026-06-10T22:59:00Z', 'allowed'],
    ['19:00', '2026-06-10T23:00:00Z', '2026-06-11T12:00:00.000Z'],
  ])('%s → %s', (_, at, expected) => {
    expect(next(check(at, { sender }))).toBe(expected);
  });

  it('a custom window is honoured in the sender zone', () => {
    const d = check('2026-06-10T13:00:00Z', {
      sender: { zone: NY, window: { start: '10:00', end: '16:30' } },
    });
    expect(next(d)).toBe('2026-06-10T14:00:00.000Z');
    expect(
      next(check('2026-06-10T20:29:00Z', { sender: { zone: NY, window: { start: '10:00', end: '16:30' } } })),
    ).toBe('allowed');
  });

  it('a sender in Los Angeles texting New York: both windows must hold', () => {
    const sender = { zone: LA };
    // 08:00 in LA = 11:00 in NY: allowed; 07:30 LA = 10:30 NY: the sender's window says no.
    expect(next(check('2026-06-10T15:00:00Z', { sender }))).toBe('allowed');
    const early = check('2026-06-10T14:30:00Z', { sender });
    expect(rules(early)).toEqual([`sender_window@${LA}`]);
    expect(next(early)).toBe('2026-06-10T15:00:00.000Z');
    // 18:30 LA = 21:30 NY: the recipient's quiet hours say no; next is 08:00 LA the day after (11:00 NY).
    const late = check('2026-06-11T01:30:00Z', { sender });
    expect(rules(late)).toEqual([`federal_quiet_hours@${NY}`]);
    expect(next(late)).toBe('2026-06-11T15:00:00.000Z');
  });

  it('a sender in New York texting Los Angeles at 08:00 NY waits for 08:00 LA', () => {
    const d = check('2026-06-10T12:00:00Z', {
      sender: { zone: NY },
      recipient: { zones: [LA], state: 'CA' },
    });
    expect(next(d)).toBe('2026-06-10T15:00:00.000Z');
    // 18:59 NY = 15:59 LA: inside both.
    expect(
      next(check('2026-06-10T22:59:00Z', { sender: { zone: NY }, recipient: { zones: [LA], state: 'CA' } })),
    ).toBe('allowed');
  });

  it('rejects malformed or empty windows and unknown zones', () => {
    expect(() =>
      check('2026-06-10T12:00:00Z', { sender: { zone: NY, window: { start: '8:00', end: '19:00' } } }),
    ).toThrow(RangeError);
    expect(() =>
      check('2026-06-10T12:00:00Z', { sender: { zone: NY, window: { start: '19:00', end: '08:00' } } }),
    ).toThrow(/Empty texting window/);
    expect(() => check('2026-06-10T12:00:00Z', { sender: { zone: 'Mars/Olympus' } })).toThrow(
      /Unknown time zone/,
    );
    expect(() => check('2026-06-10T12:00:00Z', { recipient: { zones: [] } })).toThrow(RangeError);
    expect(parseClock('24:00')).toBe(1440);
    expect(() => parseClock('24:01')).toThrow(RangeError);
  });
});

describe('DST start, 2026-03-08 (US): 02:00 EST jumps to 03:00 EDT', () => {
  it('01:59 EST waits until 08:00 EDT (12:00Z, not 13:00Z)', () => {
    expect(next(check('2026-03-08T06:59:00Z'))).toBe('2026-03-08T12:00:00.000Z');
  });
  it('07:59 EDT → 08:00 EDT; 08:00 EDT allowed; 21:00 EDT refused', () => {
    expect(next(check('2026-03-08T11:59:00Z'))).toBe('2026-03-08T12:00:00.000Z');
    expect(next(check('2026-03-08T12:00:00Z'))).toBe('allowed');
    expect(next(check('2026-03-09T00:59:00Z'))).toBe('allowed');
    expect(next(check('2026-03-09T01:00:00Z'))).toBe('2026-03-09T12:00:00.000Z');
  });
  it('a window starting inside the skipped hour (02:30) opens at 03:00 EDT, the first instant past it', () => {
    const d2 = checkTextingWindow({
      at: new Date('2026-03-08T06:00:00Z'),
      sender: { zone: NY, window: { start: '02:30', end: '05:00' } },
      recipient: { zones: ['Asia/Tokyo'], state: 'NY' }, // 15:00 in Tokyo: federal and state hours hold
    });
    expect(next(d2)).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
  });
  it('the day is 23 hours long: a Chicago and a New York zone both move', () => {
    expect(next(check('2026-03-08T12:30:00Z', { recipient: { zones: [NY, CHI], state: 'NY' } }))).toBe(
      '2026-03-08T13:00:00.000Z',
    );
  });
});

describe('DST end, 2026-11-01 (US): 02:00 EDT goes back to 01:00 EST', () => {
  it('01:30 in both occurrences of the repeated hour waits until 08:00 EST (13:00Z)', () => {
    expect(next(check('2026-11-01T05:30:00Z'))).toBe('2026-11-01T13:00:00.000Z'); // first 01:30 (EDT)
    expect(next(check('2026-11-01T06:30:00Z'))).toBe('2026-11-01T13:00:00.000Z'); // second 01:30 (EST)
  });
  it('reasons give the offset, so the two 01:30s are told apart', () => {
    const first = check('2026-11-01T05:30:00Z');
    const second = check('2026-11-01T06:30:00Z');
    expect(!first.allowed && first.reasons[0]!.localTime).toBe('2026-11-01T01:30:00.000-04:00');
    expect(!second.allowed && second.reasons[0]!.localTime).toBe('2026-11-01T01:30:00.000-05:00');
  });
  it('07:59 EST → 08:00 EST; 20:59 EST allowed; 21:00 EST refused', () => {
    expect(next(check('2026-11-01T12:59:00Z'))).toBe('2026-11-01T13:00:00.000Z');
    expect(next(check('2026-11-01T13:00:00Z'))).toBe('allowed');
    expect(next(check('2026-11-02T01:59:00Z'))).toBe('allowed');
    expect(next(check('2026-11-02T02:00:00Z'))).toBe('2026-11-02T13:00:00.000Z');
  });
  it('a sender window ending at 01:30 is open in both occurrences of 01:00–01:29', () => {
    const at = (iso: string) =>
      checkTextingWindow({
        at: new Date(iso),
        sender: { zone: NY, window: { start: '00:00', end: '01:30' } },
        recipient: { zones: ['Asia/Tokyo'], state: 'NY' }, // 14:00–16:00 in Tokyo: federal hours hold
      });
    expect(next(at('2026-11-01T05:29:00Z'))).toBe('allowed'); // 01:29 EDT
    expect(next(at('2026-11-01T05:30:00Z'))).toBe('2026-11-01T06:00:00.000Z'); // 01:30 EDT → 01:00 EST
    expect(next(at('2026-11-01T06:29:00Z'))).toBe('allowed'); // 01:29 EST
    expect(next(at('2026-11-01T06:30:00Z'))).toBe('2026-11-02T05:00:00.000Z'); // next midnight EST
  });
});

describe('state hours (recipient-local)', () => {
  const at = (iso: string, state: string, zones = [NY]) => check(iso, { recipient: { zones, state } });

  it('Florida ends at 20:00: 19:59 allowed, 20:00 refused with the statute', () => {
    expect(next(at('2026-06-10T23:59:00Z', 'FL'))).toBe('allowed');
    const d = at('2026-06-11T00:00:00Z', 'FL');
    expect(next(d)).toBe('2026-06-11T12:00:00.000Z');
    expect(!d.allowed && d.reasons).toEqual([
      {
        rule: 'state_hours',
        zone: NY,
        localTime: '2026-06-10T20:00:00.000-04:00',
        allowedHours: '08:00–20:00',
        state: 'FL',
        citation: 'Fla. Stat. § 501.616(6)(a) (FTSA)',
      },
    ]);
  });
  it.each(['OK', 'MD', 'WA'])('%s ends at 20:00', (state) => {
    expect(next(at('2026-06-10T23:59:00Z', state))).toBe('allowed');
    expect(next(at('2026-06-11T00:00:00Z', state))).toBe('2026-06-11T12:00:00.000Z');
  });
  it('Alabama bans Sundays: Sunday noon waits for Monday 08:00 Central', () => {
    // 2026-06-14 is a Sunday; Chicago is UTC−5 in June.
    const d = at('2026-06-14T17:00:00Z', 'AL', [CHI]);
    expect(!d.allowed && d.reasons.map((r) => [r.rule, r.allowedHours])).toEqual([['state_hours', 'none']]);
    expect(next(d)).toBe('2026-06-15T13:00:00.000Z');
    expect(next(at('2026-06-13T17:00:00Z', 'AL', [CHI]))).toBe('allowed'); // Saturday
  });
  it('Louisiana bans Sundays and holidays: Saturday 20:00 waits for Tuesday after Labor Day', () => {
    // 2026-09-05 Saturday, 09-06 Sunday, 09-07 Labor Day.
    expect(next(at('2026-09-06T01:00:00Z', 'LA', [CHI]))).toBe('2026-09-08T13:00:00.000Z');
  });
  it('Kentucky starts at 10:00; Michigan at 09:00; Connecticut 09:00–20:00 (the stricter source)', () => {
    expect(next(at('2026-06-10T13:59:00Z', 'KY'))).toBe('2026-06-10T14:00:00.000Z');
    expect(next(at('2026-06-10T12:30:00Z', 'MI'))).toBe('2026-06-10T13:00:00.000Z');
    expect(next(at('2026-06-10T23:59:00Z', 'CT'))).toBe('allowed');
    expect(next(at('2026-06-11T00:00:00Z', 'CT'))).toBe('2026-06-11T13:00:00.000Z');
  });
  it('Christmas: Rhode Island refused all day, New York allowed', () => {
    expect(next(at('2026-12-25T16:00:00Z', 'RI'))).toBe('2026-12-26T15:00:00.000Z'); // Saturday from 10:00
    expect(next(at('2026-12-25T16:00:00Z', 'NY'))).toBe('allowed');
  });
  it('no state known: the strictest of every state rule (10:00–18:00 on weekdays)', () => {
    const d = checkTextingWindow({
      at: new Date('2026-06-10T13:30:00Z'), // 09:30 NY, Wednesday
      sender: { zone: NY, window: { start: '00:00', end: '24:00' } },
      recipient: { zones: [NY] },
    });
    expect(!d.allowed && d.reasons[0]!.allowedHours).toBe('10:00–18:00');
    expect(next(d)).toBe('2026-06-10T14:00:00.000Z');
    // A code that is no state is unknown too; a lower-case real one is recognised.
    expect(next(check('2026-06-10T13:30:00Z', { recipient: { zones: [NY], state: 'XX' } }))).toBe(
      '2026-06-10T14:00:00.000Z',
    );
    expect(next(check('2026-06-11T00:00:00Z', { recipient: { zones: [NY], state: 'fl' } }))).toBe(
      '2026-06-11T12:00:00.000Z',
    );
  });
});

describe('several candidate zones: every one must allow it', () => {
  it('a 219 number (Chicago + Indianapolis) at 08:30 Eastern waits for 08:00 Central', () => {
    const recipient = { zones: [CHI, INDY], state: 'IN' };
    const d = check('2026-06-10T12:30:00Z', { recipient });
    expect(rules(d)).toEqual([`federal_quiet_hours@${CHI}`]);
    expect(next(d)).toBe('2026-06-10T13:00:00.000Z');
    // 20:30 Central = 21:30 Eastern: refused by the Indianapolis zone; next is 09:00 Eastern.
    const late = check('2026-06-11T01:30:00Z', { recipient });
    expect(rules(late)).toEqual([`federal_quiet_hours@${INDY}`]);
    expect(next(late)).toBe('2026-06-11T13:00:00.000Z');
  });
  it('the Florida Panhandle (850: Central + Eastern) and the 20:00 end', () => {
    const recipient = { zones: [CHI, NY], state: 'FL' };
    // Allowed 08:00 Central (13:00Z) to 20:00 Eastern (00:00Z).
    expect(next(check('2026-06-10T12:59:00Z', { recipient }))).toBe('2026-06-10T13:00:00.000Z');
    expect(next(check('2026-06-10T23:59:00Z', { recipient }))).toBe('allowed');
    expect(next(check('2026-06-11T00:00:00Z', { recipient }))).toBe('2026-06-11T13:00:00.000Z');
  });
  it('zones with no common window return null, not a loop', () => {
    const d = checkTextingWindow({
      at: new Date('2026-06-10T12:00:00Z'),
      sender: { zone: NY },
      recipient: { zones: ['Asia/Tokyo'], state: 'NY' }, // sender 12:00Z–23:00Z, Tokyo 23:00Z–12:00Z
    });
    expect(d).toMatchObject({ allowed: false, nextAllowedAt: null });
  });
  it('the horizon is a cap: an empty window past it returns null', () => {
    // Sunday noon in Alabama: the next window (Monday 08:00) is 20 hours away.
    const d = check('2026-06-14T17:00:00Z', { recipient: { zones: [CHI], state: 'AL' }, horizonDays: 0.5 });
    expect(d).toMatchObject({ allowed: false, nextAllowedAt: null });
    const e = check('2026-06-14T17:00:00Z', { recipient: { zones: [CHI], state: 'AL' }, horizonDays: 1 });
    expect(next(e)).toBe('2026-06-15T13:00:00.000Z');
  });
});

describe('agreement with a minute-by-minute scan (a week across DST end, several zones and rules)', () => {
  it('nextAllowedAt is the first minute at which the decision is "allowed"', () => {
    const base = {
      sender: { zone: LA, window: { start: '07:15', end: '19:45' } },
      recipient: { zones: [CHI, NY], state: 'AL' },
    };
    // The predicate alone: a horizon of one minute keeps each call cheap.
    const allowedAt = (t: number) =>
      checkTextingWindow({ ...base, at: new Date(t), horizonDays: 1 / 1440 }).allowed;
    const start = Date.parse('2026-10-30T00:00:00Z');
    let checked = 0;
    for (let t = start; t < start + 4 * 86_400_000; t += 97 * 60_000) {
      const d = checkTextingWindow({ ...base, at: new Date(t) });
      if (d.allowed) continue;
      let scan = t;
      while (!allowedAt(scan)) scan = (Math.floor(scan / 60_000) + 1) * 60_000;
      expect(d.nextAllowedAt?.getTime()).toBe(scan);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  }, 180_000); // ~3 s alone; minutes when the machine is shared
});
