/**
 * Serves the test pages on 127.0.0.1 at a random free port. The same server is reachable as
 * `localhost`, which gives the tests a second host name (for the excluded-site test).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestPage } from './pages';

export interface PageServer {
  port: number;
  /** The page's address on 127.0.0.1 (or on `host`). */
  url(path: string, host?: '127.0.0.1' | 'localhost'): string;
  close(): Promise<void>;
}

export async function servePages(pages: readonly TestPage[]): Promise<PageServer> {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const page = byPath.get(path);
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': `${page.contentType ?? 'text/html'}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(page.html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
