// The public entry of the person module: the person a Sales Record or an Individual is about — one
// set of columns, input and output schemas. It sits below both record modules and imports neither.

export { IsoDate, Mbi, PersonFields, PersonOutput, Text, US_STATES, opt } from './person.ts';
export { GENDERS, personColumns } from './person-columns.ts';
export type { Gender } from './person-columns.ts';
