import { Agent, Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { ForbiddenAddressError, addressLiteral, forbiddenAddressReason } from './address-policy.js';
import { vettedLookup, type NameResolver } from './resolver.js';

export interface ClientOptions {
  resolver: NameResolver;
  allowPrivate: boolean;
  /** Connections per origin (undici pool size); a host's own setting wins. */
  connectionsFor(host: string): number;
  connectTimeoutMs: number;
  /** Time allowed for the response headers, and between two body chunks. */
  headersTimeoutMs: number;
  userAgent: string;
}

export interface ProbeRequest {
  url: URL;
  method: 'HEAD' | 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** The most body bytes read; the rest is never downloaded (the connection is dropped). */
  maxBodyBytes: number;
  signal: AbortSignal;
}

export interface ProbeResponse {
  status: number;
  headers: Record<string, string>;
  /** The first `maxBodyBytes` of the body, as text. */
  body: string;
  bytesRead: number;
}

/** One HTTP exchange, no redirects followed, with the body cut short. */
export class LinkClient {
  private readonly agent: Agent;

  constructor(private readonly options: ClientOptions) {
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs, lookup: vettedLookup(options.resolver, options.allowPrivate) },
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.headersTimeoutMs,
      keepAliveTimeout: 4000,
      factory: (origin, poolOptions) =>
        new Pool(origin, { ...(poolOptions as Pool.Options), connections: options.connectionsFor(new URL(String(origin)).hostname) }),
    });
  }

  async probe(request: ProbeRequest): Promise<ProbeResponse> {
    this.refuseForbiddenLiteral(request.url);
    const response = await this.agent.request({
      origin: request.url.origin,
      path: request.url.pathname + request.url.search,
      method: request.method,
      headers: {
        'user-agent': this.options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8',
        'accept-language': 'en',
        ...request.headers,
      },
      body: request.body ?? null,
      signal: request.signal,
    });
    const { text, bytesRead } = await readPrefix(response.body, request.maxBodyBytes);
    return { status: response.statusCode, headers: flattenHeaders(response.headers), body: text, bytesRead };
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  /** Address literals never go through `lookup`, so they are vetted here. */
  private refuseForbiddenLiteral(url: URL): void {
    if (this.options.allowPrivate) return;
    const literal = addressLiteral(url.hostname);
    const kind = literal ? forbiddenAddressReason(literal) : null;
    if (literal && kind) throw new ForbiddenAddressError(url.hostname, literal, kind);
  }
}

async function readPrefix(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<{ text: string; bytesRead: number }> {
  const chunks: Buffer[] = [];
  let bytesRead = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      chunks.push(chunk);
      if (bytesRead >= maxBytes) break;
    }
  } finally {
    // Leaving the loop early destroys the stream; undici then drops the connection instead of
    // downloading the rest.
    body.destroy();
  }
  return { text: Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'), bytesRead };
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
