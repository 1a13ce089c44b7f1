import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStorageConfig } from '../../config.ts';
import { newId } from '../../lib/ids.ts';
import { type FileStorage, FileTooLargeError, meter } from './storage.ts';

export type S3StorageConfig = Extract<FileStorageConfig, { kind: 's3' }>;

/** Parts of a multipart upload: S3's smallest. At most `QUEUE_SIZE` parts are in memory at once. */
export const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

/**
 * Files in an S3-compatible bucket under `<account>/<random id>`. Uploads stream through the
 * meter into the bucket: one PutObject when the file fits in one part, else a multipart upload
 * (parts of 5 MiB, two in flight), aborted when the file turns out too large or the body fails —
 * so memory stays at about 10 MiB per upload whatever the file's size. Downloads stream the
 * object's body. Keys are not content-addressed (that would need a server-side copy after the
 * hash is known); each upload has its own object.
 */
export function s3Storage(config: S3StorageConfig): FileStorage & { client: S3Client } {
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Checksums only where S3 requires them: many S3-compatible servers reject the newer
    // default (CRC32 trailers in aws-chunked bodies). Every request is still SigV4-signed
    // with the SHA-256 of its payload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = config.bucket;
  return {
    client,
    async put(accountId, body, maxBytes) {
      const Key = `${accountId}/${newId()}`;
      const m = meter(maxBytes);
      let failure: unknown;
      const fail = (e: unknown) => {
        failure ??= e;
      };
      m.stream.on('error', fail);
      body.on('error', (e) => {
        fail(e);
        m.stream.destroy(e);
      });
      body.pipe(m.stream);
      const upload = new Upload({
        client,
        params: { Bucket, Key, Body: m.stream, ContentType: 'application/octet-stream' },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (e) {
        body.unpipe(m.stream);
        // The meter's own error (too large) is the one to report, not the SDK's wrapping of it.
        throw failure instanceof FileTooLargeError ? failure : (failure ?? e);
      }
      if (failure) {
        await client.send(new DeleteObjectCommand({ Bucket, Key })).catch(() => undefined);
        throw failure;
      }
      return { key: Key, ...m.result() };
    },
    get(key) {
      const out = new PassThrough();
      client.send(new GetObjectCommand({ Bucket, Key: key })).then(
        (res) => {
          pipeline(res.Body as Readable, out).catch((e: unknown) => out.destroy(e as Error));
        },
        (e: unknown) => out.destroy(e as Error),
      );
      return out;
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
