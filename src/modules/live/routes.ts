import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { AUTHED, problems } from '../../server/http-schemas.ts';
import { userActorOf } from '../../server/plugins/auth.ts';
import { LiveHub, type StreamEvent } from './hub.ts';

/** How often an idle stream gets a comment line, so proxies and browsers keep it open. */
export const HEARTBEAT_MS = 25_000;

export type LiveRoutesOptions = { heartbeatMs?: number };

const wantsEventStream = (accept: string | undefined) =>
  (accept ?? '').split(',').some((part) => part.trim().toLowerCase().startsWith('text/event-stream'));

/** One SSE frame. Data is one JSON line (JSON.stringify never writes a newline). */
export function sseFrame(event: StreamEvent): string {
  if (event.type === 'resync') return 'event: resync\ndata: {}\n\n';
  return `event: message\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/**
 * `GET /events`: the signed-in user's live events (Server-Sent Events). One LISTEN per process
 * (the hub), fanned out to this process's streams; each stream gets only its account's events the
 * user may see. Streams end when the app closes (preClose), so shutdown and tests never wait.
 */
export const liveRoutes =
  (deps: Deps, opts: LiveRoutesOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const hub = new LiveHub(deps.database, deps.log);
    const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
    app.addHook('preClose', async () => hub.endStreams());
    app.addHook('onClose', async () => hub.close());

    app.get(
      '/events',
      {
        schema: {
          tags: ['live'],
          summary: 'Live events for the signed-in user (Server-Sent Events; send Accept: text/event-stream)',
          description:
            'A stream of `event: message` frames with `{kind, messageId, direction, records}` for messages ' +
            'the user may see (created, status changed, read), `event: resync` when events may have been ' +
            'missed (re-read what is shown), and a comment line every 25 s. Re-read the message through ' +
            'the API: events carry ids only.',
          response: {
            200: {
              description: 'The event stream (never ends on its own)',
              content: { 'text/event-stream': { schema: z.string().describe('text/event-stream') } },
            },
            ...problems(...AUTHED),
          },
        },
      },
      async (request, reply) => {
        const actor = userActorOf(request);
        if (!wantsEventStream(request.headers.accept))
          throw new AppError('validation', 'This is an event stream: send Accept: text/event-stream.', {
            errors: [{ path: 'headers.accept', message: 'Must accept text/event-stream.' }],
          });
        const stream = new PassThrough();
        const live: { heartbeat?: NodeJS.Timeout; unsubscribe?: () => void } = {};
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          clearInterval(live.heartbeat);
          live.unsubscribe?.();
          stream.end();
        };
        reply.raw.on('close', end);
        const unsubscribe = await hub.subscribe({
          accountId: actor.accountId,
          profile: actor.profile,
          send: (event) => {
            if (!ended) stream.write(sseFrame(event));
          },
          end,
        });
        if (ended) unsubscribe();
        live.unsubscribe = unsubscribe;
        live.heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), heartbeatMs);
        live.heartbeat.unref();
        // The first bytes: the browser's reconnect delay, and a comment that says we are listening.
        stream.write('retry: 5000\n: connected\n\n');
        return (
          reply
            .header('content-type', 'text/event-stream; charset=utf-8')
            .header('cache-control', 'no-store')
            .header('x-accel-buffering', 'no')
            // Never reused: when the stream ends (shutdown), the socket goes with it.
            .header('connection', 'close')
            // A stream, piped as it is written (the schema types the body as the stream's text).
            .send(stream as unknown as string)
        );
      },
    );
  };
