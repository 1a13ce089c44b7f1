import path from 'node:path';
import type { Config } from '../../config.ts';
import { s3Storage } from './s3-storage.ts';
import { diskStorage, type FileStorage } from './storage.ts';

/** The file store FILE_STORAGE names: the data directory's `files/` (default) or an S3 bucket. */
export function openFileStorage(config: Pick<Config, 'dataDir' | 'fileStorage'>): FileStorage {
  return config.fileStorage.kind === 's3'
    ? s3Storage(config.fileStorage)
    : diskStorage(path.join(config.dataDir, 'files'));
}
