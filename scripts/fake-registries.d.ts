import type { Socket } from 'node:net';

export interface ArxivPaper { title: string; summary?: string; authors: string[]; published: string; journalRef?: string; doi?: string; comment?: string }
export interface DoiPaper { title: string; type?: string; containerTitle?: string; event?: string; issued?: number[]; authors?: { given?: string; family: string }[] }
export interface OpenReviewNote { title: string; venue?: string; authors?: string[] }
export interface DblpHit { title: string; venue: string; year: number; type?: string; doi?: string }

export interface FakeServer {
  url: string;
  log: { path: string; startedAt: number; socket: Socket }[];
  connections(): number;
  close(): Promise<void>;
}

export interface FakeRegistries {
  arxiv: FakeServer;
  doi: FakeServer;
  openreview: FakeServer;
  dblp: FakeServer;
  env: Record<'CATALOG_ARXIV_API_URL' | 'CATALOG_DOI_URL' | 'CATALOG_OPENREVIEW_API_URL' | 'CATALOG_DBLP_API_URL', string>;
  close(): Promise<unknown>;
}

export function startFakeRegistries(data: {
  arxiv?: Record<string, ArxivPaper>;
  doi?: Record<string, DoiPaper>;
  openreview?: Record<string, OpenReviewNote>;
  dblp?: DblpHit[];
  latencyMs?: number;
  behaviour?: { arxiv?: 'empty' | 'html' | 'rate'; throttle?: { registry: 'arxiv' | 'doi' | 'openreview' | 'dblp'; times: number; retryAfter: string } };
}): Promise<FakeRegistries>;
export function atomEntry(id: string, paper: ArxivPaper): string;
export function atomErrorEntry(id: string): string;
export function atomFeed(query: string, entries: string[]): string;
