// The package ships no types: one CommonJS function, ZIP (5 digits, as text) → IANA zone or null.
declare module 'zipcode-to-timezone' {
  const zipcodeToTimezone: { lookup(zipcode: string): string | null };
  export default zipcodeToTimezone;
}
