import type { FastifyInstance } from 'fastify';

/**
 * The methods each registered path answers, to tell "no such route" (404) from "not with this
 * method" (405 with Allow). Register before any route.
 */
export function collectRouteMethods(app: FastifyInstance): (path: string) => string[] {
  const routes: { method: string; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    const source = route.url
      .split('/')
      .map((seg) =>
        seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : escape(seg).replace(/:\w+/g, '[^/]+'),
      )
      .join('/');
    for (const method of Array.isArray(route.method) ? route.method : [route.method])
      routes.push({ method, pattern: new RegExp(`^${source}$`) });
  });
  return (path) => [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))].sort();
}
