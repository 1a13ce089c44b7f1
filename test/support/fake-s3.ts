import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An S3-compatible server in the test process, for the file store's tests: S3 is another
 * company's service, so it is replaced at its HTTP boundary, not inside our code. It speaks the
 * calls the AWS SDK makes for our storage — PutObject, GetObject, DeleteObject, and multipart
 * (create, upload part, complete, abort) — on path-style URLs, and checks each request's AWS
 * Signature V4 (and the SHA-256 of its payload) against its one key pair, answering 403
 * SignatureDoesNotMatch like S3 when they do not match.
 */
export type FakeS3 = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Objects stored, by key. */
  objects: Map<string, Buffer>;
  /** Multipart uploads begun and neither completed nor aborted. */
  pendingUploads(): number;
  /** Every request, in order: the operation and the key. */
  log: { op: string; key: string; bytes: number }[];
  /** Requests refused for a bad signature. */
  refused: number;
  close(): Promise<void>;
};

type Upload = { key: string; parts: Map<number, { data: Buffer; etag: string }> };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const etagOf = (data: Buffer) => `"${createHash('md5').update(data).digest('hex')}"`;
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;

function errorXml(code: string, message: string) {
  return xml(`<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`);
}

/** AWS Signature V4, checked the way S3 does (the path is signed as sent, not re-encoded). */
function signatureProblem(
  req: http.IncomingMessage,
  body: Buffer,
  creds: { accessKeyId: string; secretAccessKey: string; region: string },
): string | null {
  const auth = req.headers.authorization ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return 'missing or malformed Authorization';
  const [, keyId, day, region, signedHeaders, signature] = m as unknown as string[];
  if (keyId !== creds.accessKeyId) return 'unknown access key';
  if (region !== creds.region) return 'wrong region';
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(day!)) return 'x-amz-date does not match the credential date';
  const when = Date.parse(
    amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  if (!Number.isFinite(when) || Math.abs(Date.now() - when) > 15 * 60_000) return 'request time too skewed';
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash.startsWith('STREAMING-')) return `unsupported payload signing ${payloadHash}`;
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) return 'payload hash mismatch';

  const url = new URL(req.url ?? '/', 'http://x');
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = signedHeaders!.split(';');
  if (!names.includes('host')) return 'host is not signed';
  const headers = names
    .map((n) => {
      const v = req.headers[n];
      return `${n}:${(Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const canonical = [req.method, url.pathname, query, headers, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${creds.secretAccessKey}`, day!);
  for (const part of [region!, 's3', 'aws4_request']) key = hmac(key, part);
  const expected = createHmac('sha256', key).update(toSign).digest();
  const given = Buffer.from(signature!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'signature mismatch';
}

export async function startFakeS3(): Promise<FakeS3> {
  const bucket = 'openams-test';
  const creds = {
    accessKeyId: 'AKIAFAKE' + randomUUID().slice(0, 8).toUpperCase(),
    secretAccessKey: randomUUID() + randomUUID(),
    region: 'us-east-1',
  };
  const objects = new Map<string, Buffer>();
  const uploads = new Map<string, Upload>();
  const log: FakeS3['log'] = [];
  let refused = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const send = (status: number, payload = '', headers: Record<string, string> = {}) => {
        res.writeHead(status, {
          'x-amz-request-id': 'fake',
          ...(payload ? { 'content-type': 'application/xml' } : {}),
          ...headers,
        });
        res.end(payload);
      };
      const problem = signatureProblem(req, body, creds);
      if (problem) {
        refused++;
        return send(403, errorXml('SignatureDoesNotMatch', problem));
      }
      const url = new URL(req.url ?? '/', 'http://x');
      const [, b, ...rest] = url.pathname.split('/');
      const key = rest.map(decodeURIComponent).join('/');
      if (b !== bucket) return send(404, errorXml('NoSuchBucket', 'The specified bucket does not exist'));
      const q = url.searchParams;
      const uploadId = q.get('uploadId');
      const record = (op: string) => log.push({ op, key, bytes: body.length });

      if (req.method === 'POST' && q.has('uploads')) {
        record('CreateMultipartUpload');
        const id = randomUUID();
        uploads.set(id, { key, parts: new Map() });
        return send(
          200,
          xml(
            `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
          ),
        );
      }
      if (uploadId !== null) {
        const up = uploads.get(uploadId);
        if (!up || up.key !== key) return send(404, errorXml('NoSuchUpload', 'The upload does not exist'));
        if (req.method === 'PUT') {
          record('UploadPart');
          const n = Number(q.get('partNumber'));
          const etag = etagOf(body);
          up.parts.set(n, { data: body, etag });
          return send(200, '', { etag });
        }
        if (req.method === 'POST') {
          record('CompleteMultipartUpload');
          const listed = [...body.toString('utf8').matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((x) =>
            Number(x[1]),
          );
          const parts = listed.map((n) => up.parts.get(n));
          if (!listed.length || parts.some((p) => !p))
            return send(400, errorXml('InvalidPart', 'A listed part was not uploaded'));
          const data = Buffer.concat(parts.map((p) => p!.data));
          objects.set(key, data);
          uploads.delete(uploadId);
          return send(
            200,
            xml(
              `<CompleteMultipartUploadResult><Location>${bucket}/${key}</Location><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>${etagOf(data)}</ETag></CompleteMultipartUploadResult>`,
            ),
          );
        }
        if (req.method === 'DELETE') {
          record('AbortMultipartUpload');
          uploads.delete(uploadId);
          return send(204);
        }
      }
      if (req.method === 'PUT') {
        record('PutObject');
        objects.set(key, body);
        return send(200, '', { etag: etagOf(body) });
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        record(req.method === 'GET' ? 'GetObject' : 'HeadObject');
        const data = objects.get(key);
        if (!data) return send(404, errorXml('NoSuchKey', 'The specified key does not exist.'));
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(data.length),
          etag: etagOf(data),
        });
        return res.end(req.method === 'GET' ? data : undefined);
      }
      if (req.method === 'DELETE') {
        record('DeleteObject');
        objects.delete(key);
        return send(204);
      }
      return send(501, errorXml('NotImplemented', `${req.method} ${url.pathname}${url.search}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: creds.region,
    accessKeyId: creds.accessKeyId,
    secretAccessKey: creds.secretAccessKey,
    objects,
    pendingUploads: () => uploads.size,
    log,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
