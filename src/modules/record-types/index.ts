// The public entry of the record-types module: other modules, the server, the CLI and jobs import only this.

export { assertRecordTypesExist, seedDefaultRecordTypes } from './record-types.ts';
export { recordTypeRoutes } from './routes.ts';
export {
  firstStatusIdOf,
  recordStatusById,
  recordTypeNames,
  statusIsClosedSql,
  statusLabels,
  type RecordStatus,
  type StatusLabel,
} from './read-models.ts';
