import type { FastifyInstance } from 'fastify';
import { sendProblem } from './errors.ts';

/**
 * A request body that stops arriving ends the request: when no byte of it came for `idleMs` (a
 * truncated upload on a socket left open, a client stalling on purpose), the answer is a 408
 * problem+json and the connection is closed, so nothing waits on it forever (multipart files and
 * imports, JSON bodies alike). Progress is read from the socket's byte count, so the body stream
 * itself is not touched.
 */
export function registerBodyTimeout(app: FastifyInstance, opts: { idleMs: number }) {
  app.addHook('onRequest', async (request, reply) => {
    const raw = request.raw;
    const hasBody =
      Number(raw.headers['content-length'] ?? 0) > 0 || raw.headers['transfer-encoding'] !== undefined;
    const socket = raw.socket;
    if (!hasBody || !socket) return;
    let complete = raw.complete;
    raw.once('end', () => (complete = true));
    let seen = socket.bytesRead;
    const timer = setInterval(() => {
      if (complete || reply.sent || raw.complete) return clearInterval(timer);
      if (socket.bytesRead !== seen) {
        seen = socket.bytesRead;
        return;
      }
      clearInterval(timer);
      request.log.info('request body stalled; answering 408');
      reply.header('connection', 'close');
      reply.raw.once('finish', () => socket.destroy());
      sendProblem(reply, {
        status: 408,
        type: 'https://openams.dev/problems/request-timeout',
        detail: `The request body stopped arriving (nothing for ${Math.round(opts.idleMs / 1000)} s).`,
      });
    }, opts.idleMs);
    timer.unref();
    reply.raw.once('close', () => clearInterval(timer));
  });
}
