import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { readCatalog } from '../../src/catalog/read.js';
import { genericConfig } from '../../src/catalog/load-config.js';
import type { Catalog } from '../../src/catalog/model.js';
import type { NameResolver } from '../../src/links/resolver.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** A route: answers one path. `hit` counts the requests to this path so far (1 for the first). */
export type Route = (request: IncomingMessage, response: ServerResponse, hit: number) => void;

/** A real HTTP server on a loopback address, for the link checker's tests. Routes match the path without its query. */
export class LoopbackServer {
  readonly requests: RecordedRequest[] = [];
  /** Body bytes the server managed to hand to the socket (what a client could have received). */
  bytesWritten = 0;
  maxInFlight = 0;
  private inFlight = 0;
  private readonly hits = new Map<string, number>();
  private readonly routes = new Map<string, Route>();
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  private constructor(readonly host: string) {
    this.server = createServer((request, response) => this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(host = '127.0.0.1'): Promise<LoopbackServer> {
    const server = new LoopbackServer(host);
    await new Promise<void>((resolve) => server.server.listen(0, host, resolve));
    return server;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get origin(): string {
    return `http://${this.host}:${this.port}`;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  route(path: string, route: Route): string {
    this.routes.set(path, route);
    return this.url(path);
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requests.push({ method: request.method ?? '', path, headers: request.headers });
    const hit = (this.hits.get(path) ?? 0) + 1;
    this.hits.set(path, hit);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    let counted = false;
    const done = (): void => {
      if (counted) return;
      counted = true;
      this.inFlight--;
    };
    response.on('close', done);
    const write = response.write.bind(response);
    response.write = ((chunk: Buffer | string, ...rest: unknown[]) => {
      const ok = (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      this.bytesWritten += Buffer.byteLength(chunk);
      return ok;
    }) as ServerResponse['write'];
    const route = this.routes.get(path.split('?')[0]!);
    if (route) route(request, response, hit);
    else response.writeHead(404).end();
  }
}

/** Answers with a status, headers and a short body (none for HEAD). */
export function reply(status: number, headers: Record<string, string> = {}, body = ''): Route {
  return (request, response) => {
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

/** Sends `bytes` of body to GET in 64 KiB chunks, as fast as the client reads (ignores Range). */
export function hugeBody(bytes: number): Route {
  return (request, response) => {
    response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(bytes) });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes) {
        if (response.destroyed) return;
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    pump();
  };
}

/** A resolver that knows only the given names (and answers for the given zones), for tests. */
export function fakeResolver(names: Record<string, string>, zones: string[] = []): NameResolver {
  return {
    async lookup(hostname): Promise<LookupAddress[]> {
      const address = names[hostname];
      if (address === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return [{ address, family: address.includes(':') ? 6 : 4 }];
    },
    async zoneAnswers(zone) {
      return zones.includes(zone);
    },
  };
}

/** A catalog whose one table lists the URLs, one per row (as `[link](url)` in the Link column). */
export function catalogOf(urls: readonly string[], file = 'links.md'): Catalog {
  const rows = urls.map((url, index) => `| entry ${index + 1} | [link](${url}) |`);
  const source = ['# Links', '', '| Name | Link |', '| --- | --- |', ...rows, ''].join('\n');
  return readCatalog({ file, source, config: genericConfig() });
}
