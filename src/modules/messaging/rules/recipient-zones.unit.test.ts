import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AREA_CODES } from './data/area-codes.ts';
import { STATE_ZONES } from './data/state-zones.ts';
import { stateOfZip } from './data/zip-prefix-states.ts';
import { ALL_US_ZONES, areaCodeOf, recipientZones } from './recipient-zones.ts';

const E = 'America/New_York';
const C = 'America/Chicago';
const M = 'America/Denver';
const P = 'America/Los_Angeles';
const INDY = 'America/Indiana/Indianapolis';

describe('recipientZones: ZIP first', () => {
  it('a ZIP gives its zone, the record state wins for the state', () => {
    expect(recipientZones({ zip: '10001', state: 'ny', phone: '+13105550123' })).toEqual({
      zones: [E],
      state: 'NY',
      source: 'zip',
    });
    expect(recipientZones({ zip: '90210-1234' })).toEqual({ zones: [P], state: 'CA', source: 'zip' });
    expect(recipientZones({ zip: '32501' })).toEqual({ zones: [C], state: 'FL', source: 'zip' }); // Pensacola
    expect(recipientZones({ zip: '79901' })).toEqual({ zones: [M], state: 'TX', source: 'zip' }); // El Paso
    expect(recipientZones({ zip: '86515' })).toEqual({ zones: [M], state: 'AZ', source: 'zip' }); // Window Rock (Navajo, DST)
    expect(recipientZones({ zip: '85001' })).toEqual({
      zones: ['America/Phoenix'],
      state: 'AZ',
      source: 'zip',
    });
  });
  it("where the package is coarse (IN, KY, OR, NV) the state's zones are used", () => {
    // The package puts Evansville, IN on Indianapolis time and Bowling Green, KY on Louisville time.
    expect(recipientZones({ zip: '47711' })).toEqual({ zones: [INDY, C], state: 'IN', source: 'zip' });
    expect(recipientZones({ zip: '42101' })).toEqual({ zones: [E, C], state: 'KY', source: 'zip' });
    expect(recipientZones({ zip: '97914' })).toEqual({
      zones: [P, 'America/Boise'],
      state: 'OR',
      source: 'zip',
    });
    expect(recipientZones({ zip: '89883' })).toEqual({ zones: [P, M], state: 'NV', source: 'zip' });
  });
  it('Adak is on Hawaii–Aleutian time', () => {
    expect(recipientZones({ zip: '99546' })).toEqual({ zones: ['America/Adak'], state: 'AK', source: 'zip' });
  });
  it('an unknown or malformed ZIP falls through to the state, then the area code', () => {
    expect(recipientZones({ zip: '00000', state: 'TX' })).toEqual({
      zones: [C, M],
      state: 'TX',
      source: 'state',
    });
    expect(recipientZones({ zip: 'abcde', phone: '(305) 555-0123' })).toEqual({
      zones: [E],
      state: 'FL',
      source: 'area_code',
    });
    // A ZIP unknown to the package still tells the state by its prefix.
    expect(recipientZones({ zip: '32599' }).state).toBe('FL');
  });
});

describe('recipientZones: state, then area code', () => {
  it.each([
    ['IN', [INDY, C]],
    ['KY', [E, C]],
    ['TN', [C, E]],
    ['FL', [E, C]],
    ['MI', ['America/Detroit', 'America/Menominee']],
    ['ND', [C, M]],
    ['SD', [C, M]],
    ['NE', [C, M]],
    ['KS', [C, M]],
    ['TX', [C, M]],
    ['ID', ['America/Boise', P]],
    ['OR', [P, 'America/Boise']],
    ['AK', ['America/Anchorage', 'America/Adak']],
    ['NY', [E]],
  ])('state %s → %j', (state, zones) => {
    expect(recipientZones({ state })).toEqual({ zones, state, source: 'state' });
  });
  it.each([
    ['+12195550123', 'IN', [C, INDY]],
    ['+18505550123', 'FL', [C, E]],
    ['+12085550123', 'ID', ['America/Boise', P]],
    ['+15415550123', 'OR', [P, 'America/Boise']],
    ['+19155550123', 'TX', [M]],
    ['+14325550123', 'TX', [C, M]],
    ['+12705550123', 'KY', [C, E]],
    ['+14235550123', 'TN', [E, C]],
    ['+16055550123', 'SD', [C, M]],
    ['+17015550123', 'ND', [C, M]],
    ['+13085550123', 'NE', [C, M]],
    ['+16205550123', 'KS', [C, M]],
    ['+19065550123', 'MI', ['America/Detroit', 'America/Menominee']],
    ['+12125550123', 'NY', [E]],
    ['+17875550123', 'PR', ['America/Puerto_Rico']],
  ])('area code of %s → %s %j', (phone, state, zones) => {
    expect(recipientZones({ phone })).toEqual({ zones, state, source: 'area_code' });
  });
  it('nothing known (or a toll-free number): every zone of the 50 states and DC, no state', () => {
    for (const facts of [
      {},
      { phone: '+18005550123' },
      { phone: '+442071234567' },
      { zip: null, state: 'ZZ' },
    ]) {
      expect(recipientZones(facts)).toEqual({ zones: ALL_US_ZONES, source: 'unknown' });
    }
    expect([...ALL_US_ZONES].sort()).toEqual(
      [
        'America/Adak',
        'America/Anchorage',
        'America/Boise',
        'America/Chicago',
        'America/Denver',
        'America/Detroit',
        'America/Indiana/Indianapolis',
        'America/Los_Angeles',
        'America/Menominee',
        'America/New_York',
        'America/Phoenix',
        'Pacific/Honolulu',
      ].sort(),
    );
  });
  it('areaCodeOf reads national and E.164 forms', () => {
    expect(areaCodeOf('219-555-0123')).toBe('219');
    expect(areaCodeOf('+1 (850) 555-0123')).toBe('850');
    expect(areaCodeOf('+33 1 23 45 67 89')).toBeUndefined();
    expect(areaCodeOf('hello')).toBeUndefined();
  });
});

describe('the bundled tables', () => {
  it('every zone named is a valid IANA zone', () => {
    const zones = new Set([
      ...Object.values(STATE_ZONES).flat(),
      ...Object.values(AREA_CODES).flatMap((a) => a.zones ?? []),
    ]);
    for (const z of zones) expect(IANAZone.isValidZone(z), z).toBe(true);
  });
  it("each area code's zones belong to its state, and multi-zone states always list them", () => {
    for (const [code, { state, zones }] of Object.entries(AREA_CODES)) {
      const stateZones = STATE_ZONES[state];
      expect(stateZones, code).toBeDefined();
      if (stateZones!.length > 1) expect(zones, `${code} (${state}) must list its zones`).toBeDefined();
      for (const z of zones ?? []) expect(stateZones, `${code}: ${z}`).toContain(z);
    }
  });
  it('every geographic US-region area code known to libphonenumber-js is in the table', () => {
    const nonGeographic = /^(5\d\d|8(00|33|44|55|66|77|88)|900)$/;
    const missing: string[] = [];
    for (let a = 200; a <= 999; a++) {
      const code = String(a);
      const n = parsePhoneNumberFromString(`+1${code}2345678`);
      if (
        n?.isValid() &&
        ['US', 'PR', 'VI', 'GU', 'MP', 'AS'].includes(n.country!) &&
        !nonGeographic.test(code)
      )
        if (!AREA_CODES[code]) missing.push(code);
    }
    expect(missing).toEqual([]);
  });
  it('ZIP prefixes → states at the range edges', () => {
    expect(stateOfZip('00501')).toBe('NY');
    expect(stateOfZip('00901')).toBe('PR');
    expect(stateOfZip('02801')).toBe('RI');
    expect(stateOfZip('20001')).toBe('DC');
    expect(stateOfZip('20101')).toBe('VA');
    expect(stateOfZip('73301')).toBe('TX');
    expect(stateOfZip('96799')).toBe('AS');
    expect(stateOfZip('96950')).toBe('MP');
    expect(stateOfZip('96910')).toBe('GU');
    expect(stateOfZip('99501')).toBe('AK');
    expect(stateOfZip('34001')).toBeUndefined(); // military (AA)
  });
});
