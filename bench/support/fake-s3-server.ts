// A fake S3 server in its own process (so its memory is not counted with the uploader's): prints
// its endpoint and keys as one JSON line, keeps no object bytes, and runs until killed.
import { startFakeS3 } from '../../test/support/fake-s3.ts';

const s3 = await startFakeS3();
const keep = s3.objects.set.bind(s3.objects);
s3.objects.set = ((key: string) => keep(key, Buffer.alloc(0))) as typeof s3.objects.set;
const { endpoint, bucket, region, accessKeyId, secretAccessKey } = s3;
process.stdout.write(`${JSON.stringify({ endpoint, bucket, region, accessKeyId, secretAccessKey })}\n`);
