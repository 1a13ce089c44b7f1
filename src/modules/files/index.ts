// The public entry of the files module: other modules, the server, the CLI and jobs import only this.

export { releaseStoredBytes, removeIfUnused, uploadKeysOf } from './files.ts';
export { openFileStorage } from './open-storage.ts';
export { fileRoutes } from './routes.ts';
export { FileTooLargeError } from './storage.ts';
export type { FileStorage } from './storage.ts';
export { storedBytesHolders, type StoredBytesHolder } from './hooks.ts';
export { moveFilesToIndividual, releaseFilesOfPurgedRecord } from './sales-record-hooks.ts';
