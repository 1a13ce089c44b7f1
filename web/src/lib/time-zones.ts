export type TimeZoneOption = { value: string; label: string };

let cached: TimeZoneOption[] | undefined;

function offsetOf(timeZone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value.replace('GMT', 'UTC') || 'UTC';
  } catch {
    return '';
  }
}

const labelOf = (timeZone: string) => {
  const offset = offsetOf(timeZone);
  return `${timeZone.replace(/_/g, ' ')}${offset ? ` (${offset})` : ''}`;
};

/** IANA time zones for a select, labelled with their current UTC offset; `current` is always listed. */
export function timeZoneOptions(current?: string | null): TimeZoneOption[] {
  if (!cached) {
    const zones = Intl.supportedValuesOf('timeZone').filter((z) => z.includes('/') || z === 'UTC');
    if (!zones.includes('UTC')) zones.push('UTC');
    cached = zones.map((value) => ({ value, label: labelOf(value) }));
  }
  if (current && !cached.some((o) => o.value === current)) {
    return [{ value: current, label: labelOf(current) }, ...cached];
  }
  return cached;
}

/** The browser's time zone when the server would accept it, else America/New_York. */
export function browserTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && (tz.includes('/') || tz === 'UTC') ? tz : 'America/New_York';
}
