/**
 * Where is the recipient? The TCPA's quiet hours (47 CFR 64.1200(c)(1): no solicitation before
 * 8:00 or after 21:00 "local time at the called party's location") and the state hours are read in
 * the recipient's zone, which a CRM can only estimate. Sources, in order (issue 13):
 *
 * 1. the record's ZIP, through `zipcode-to-timezone` — except in states where that package's data is
 *    coarser than the law (it puts all of Indiana on Indianapolis time, most of Kentucky on
 *    Louisville time, and all of Oregon and Nevada on Pacific time), where the state's zones are used;
 * 2. the record's state (every zone of a multi-zone state);
 * 3. the phone's area code (every zone its rate centres span).
 *
 * Nothing known (no ZIP, state or geographic US area code): every zone of the 50 states and DC, and
 * no state, which `checkTextingWindow` reads as "the strictest of all state rules". That is the
 * legal-safe answer; it leaves a narrow window, which is the nudge to complete the record.
 *
 * The state (for state rules) comes from the record's state, else the ZIP's prefix, else the area
 * code. A record's state wins over its ZIP for the state; the ZIP wins for the zone.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import zipcodeToTimezone from 'zipcode-to-timezone';
import { AREA_CODES } from './data/area-codes.ts';
import { FIFTY_STATES_AND_DC, STATE_ZONES } from './data/state-zones.ts';
import { stateOfZip } from './data/zip-prefix-states.ts';

export type RecipientLocationFacts = { zip?: string | null; state?: string | null; phone?: string | null };

export type RecipientZones = {
  zones: string[];
  /** Two-letter USPS code, when known. */
  state?: string;
  /** Which fact gave the zones. */
  source: 'zip' | 'state' | 'area_code' | 'unknown';
};

/** States where `zipcode-to-timezone` gives one zone for ZIPs that lie in another. */
const COARSE_ZIP_STATES = new Set(['IN', 'KY', 'OR', 'NV']);
/** ZIPs the package gets wrong outside those states: the Aleutians west of 169°30′W. */
const ZIP_ZONE_OVERRIDES: Readonly<Record<string, string>> = {
  '99546': 'America/Adak', // Adak
  '99547': 'America/Adak', // Atka
  '99638': 'America/Adak', // Nikolski
};
/** Deprecated links the package returns, mapped to their canonical zone. */
const CANONICAL: Readonly<Record<string, string>> = { 'America/Shiprock': 'America/Denver' };

export const ALL_US_ZONES: readonly string[] = [
  ...new Set(FIFTY_STATES_AND_DC.flatMap((s) => STATE_ZONES[s]!)),
];

const normaliseZip = (zip: string): string | undefined => /^\s*(\d{5})(?:[-\s]?\d{4})?\s*$/.exec(zip)?.[1];

const normaliseState = (state: string): string | undefined => {
  const s = state.trim().toUpperCase();
  return STATE_ZONES[s] ? s : undefined;
};

/** The NANP area code of a US-region number (E.164 or national), or undefined. */
export const areaCodeOf = (phone: string): string | undefined => {
  const n = parsePhoneNumberFromString(phone, 'US');
  if (!n || n.countryCallingCode !== '1') return undefined;
  return n.nationalNumber.slice(0, 3);
};

export function recipientZones(facts: RecipientLocationFacts): RecipientZones {
  const zip = facts.zip ? normaliseZip(facts.zip) : undefined;
  const recordState = facts.state ? normaliseState(facts.state) : undefined;
  const areaCode = facts.phone ? areaCodeOf(facts.phone) : undefined;
  const byAreaCode = areaCode ? AREA_CODES[areaCode] : undefined;
  const zipState = zip ? stateOfZip(zip) : undefined;
  const state = recordState ?? zipState ?? byAreaCode?.state;
  const withState = <T extends Omit<RecipientZones, 'state'>>(r: T): RecipientZones =>
    state ? { ...r, state } : r;

  if (zip) {
    const found = ZIP_ZONE_OVERRIDES[zip] ?? zipcodeToTimezone.lookup(zip);
    if (found) {
      const zone = CANONICAL[found] ?? found;
      if (zipState && COARSE_ZIP_STATES.has(zipState)) {
        return withState({ zones: [...STATE_ZONES[zipState]!], source: 'zip' });
      }
      return withState({ zones: [zone], source: 'zip' });
    }
  }
  const knownState = recordState ?? zipState;
  if (knownState) return withState({ zones: [...STATE_ZONES[knownState]!], source: 'state' });
  if (byAreaCode) {
    return withState({
      zones: [...(byAreaCode.zones ?? STATE_ZONES[byAreaCode.state]!)],
      source: 'area_code',
    });
  }
  return withState({ zones: [...ALL_US_ZONES], source: 'unknown' });
}
