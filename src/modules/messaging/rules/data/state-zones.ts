/**
 * US states, DC and the inhabited territories → the IANA zones in force somewhere inside them
 * (current rules; one representative zone per distinct offset/DST behaviour). Written for this
 * project from the US time-zone boundaries (49 CFR part 71) as commonly mapped; multi-zone states
 * list every zone, so a recipient known only by state is checked in each (the legal-safe answer).
 *
 * Not listed as separate zones (documented gaps): Phenix City, AL (Central by law, Eastern by local
 * custom); Kenton, OK (unofficially Mountain).
 */
export const STATE_ZONES: Readonly<Record<string, readonly string[]>> = {
  AL: ['America/Chicago'],
  AK: ['America/Anchorage', 'America/Adak'],
  AZ: ['America/Phoenix', 'America/Denver'], // Navajo Nation keeps DST
  AR: ['America/Chicago'],
  CA: ['America/Los_Angeles'],
  CO: ['America/Denver'],
  CT: ['America/New_York'],
  DE: ['America/New_York'],
  DC: ['America/New_York'],
  FL: ['America/New_York', 'America/Chicago'], // Panhandle west of the Apalachicola
  GA: ['America/New_York'],
  HI: ['Pacific/Honolulu'],
  ID: ['America/Boise', 'America/Los_Angeles'], // northern panhandle is Pacific
  IL: ['America/Chicago'],
  IN: ['America/Indiana/Indianapolis', 'America/Chicago'], // NW and SW counties are Central
  IA: ['America/Chicago'],
  KS: ['America/Chicago', 'America/Denver'], // four western counties
  KY: ['America/New_York', 'America/Chicago'], // western half Central
  LA: ['America/Chicago'],
  ME: ['America/New_York'],
  MD: ['America/New_York'],
  MA: ['America/New_York'],
  MI: ['America/Detroit', 'America/Menominee'], // four UP counties on Wisconsin's border
  MN: ['America/Chicago'],
  MS: ['America/Chicago'],
  MO: ['America/Chicago'],
  MT: ['America/Denver'],
  NE: ['America/Chicago', 'America/Denver'], // western panhandle
  NV: ['America/Los_Angeles', 'America/Denver'], // West Wendover
  NH: ['America/New_York'],
  NJ: ['America/New_York'],
  NM: ['America/Denver'],
  NY: ['America/New_York'],
  NC: ['America/New_York'],
  ND: ['America/Chicago', 'America/Denver'], // south-west
  OH: ['America/New_York'],
  OK: ['America/Chicago'],
  OR: ['America/Los_Angeles', 'America/Boise'], // most of Malheur County
  PA: ['America/New_York'],
  RI: ['America/New_York'],
  SC: ['America/New_York'],
  SD: ['America/Chicago', 'America/Denver'], // western half
  TN: ['America/Chicago', 'America/New_York'], // East Tennessee
  TX: ['America/Chicago', 'America/Denver'], // El Paso, Hudspeth, Culberson
  UT: ['America/Denver'],
  VT: ['America/New_York'],
  VA: ['America/New_York'],
  WA: ['America/Los_Angeles'],
  WV: ['America/New_York'],
  WI: ['America/Chicago'],
  WY: ['America/Denver'],
  PR: ['America/Puerto_Rico'],
  VI: ['America/St_Thomas'],
  GU: ['Pacific/Guam'],
  MP: ['Pacific/Saipan'],
  AS: ['Pacific/Pago_Pago'],
};

/** The 50 states and DC (territories excluded: a recipient with no location at all is presumed stateside). */
export const FIFTY_STATES_AND_DC = Object.keys(STATE_ZONES).filter(
  (s) => !['PR', 'VI', 'GU', 'MP', 'AS'].includes(s),
);
