// Loopback fakes of the four paper registries, speaking their real formats: arXiv's Atom feed
// (with its error entries), doi.org's content negotiation (a redirect to the agency, then
// CSL-JSON; 404 for an unknown DOI), OpenReview API v2's `/notes`, DBLP's search JSON. Each
// registry is its own server (its own origin), and records when every request started, so a
// test or the benchmark can check the quotas. Used by test/papers/ and scripts/bench-papers.js.
import { createServer } from 'node:http';

/**
 * @typedef {{ title: string, summary?: string, authors: string[], published: string, journalRef?: string, doi?: string, comment?: string }} ArxivPaper
 * @typedef {{ title: string, type?: string, containerTitle?: string, event?: string, issued?: number[], authors?: { given?: string, family: string }[] }} DoiPaper
 * @typedef {{ title: string, venue?: string, authors?: string[] }} OpenReviewNote
 * @typedef {{ title: string, venue: string, year: number, type?: string, doi?: string }} DblpHit
 */

const escapeXml = (text) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

/** One arXiv entry, as the API writes it (wrapped title, https id with its version). */
export function atomEntry(id, paper) {
  const optional = [
    paper.comment ? `    <arxiv:comment>${escapeXml(paper.comment)}</arxiv:comment>` : '',
    paper.journalRef ? `    <arxiv:journal_ref>${escapeXml(paper.journalRef)}</arxiv:journal_ref>` : '',
    paper.doi ? `    <arxiv:doi>${escapeXml(paper.doi)}</arxiv:doi>` : '',
  ].filter(Boolean);
  return [
    '  <entry>',
    `    <id>http://arxiv.org/abs/${id}v2</id>`,
    `    <updated>${paper.published}T18:00:00Z</updated>`,
    `    <published>${paper.published}T17:59:59Z</published>`,
    `    <title>${escapeXml(paper.title).replace(/ /, '\n  ')}</title>`,
    `    <summary>  ${escapeXml(paper.summary ?? '')}\n</summary>`,
    ...paper.authors.map((name) => `    <author>\n      <name>${escapeXml(name)}</name>\n    </author>`),
    ...optional,
    `    <link href="http://arxiv.org/abs/${id}v2" rel="alternate" type="text/html"/>`,
    `    <link title="pdf" href="http://arxiv.org/pdf/${id}v2" rel="related" type="application/pdf"/>`,
    '    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>',
    '    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>',
    '  </entry>',
  ].join('\n');
}

/** arXiv's error entry for an id it cannot parse. */
export function atomErrorEntry(id) {
  return [
    '  <entry>',
    `    <id>http://arxiv.org/api/errors#incorrect_id_format_for_${id}</id>`,
    '    <title>Error</title>',
    `    <summary>incorrect id format for ${id}</summary>`,
    '    <updated>2026-01-01T00:00:00-05:00</updated>',
    `    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_${id}" rel="alternate" type="text/html"/>`,
    '    <author>\n      <name>arXiv api core</name>\n    </author>',
    '  </entry>',
  ].join('\n');
}

export function atomFeed(query, entries) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">',
    `  <link href="http://arxiv.org/api/query?${escapeXml(query)}" rel="self" type="application/atom+xml"/>`,
    `  <title type="html">ArXiv Query: ${escapeXml(query)}</title>`,
    '  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>',
    '  <updated>2026-01-01T00:00:00-05:00</updated>',
    `  <opensearch:totalResults>${entries.length}</opensearch:totalResults>`,
    '  <opensearch:startIndex>0</opensearch:startIndex>',
    `  <opensearch:itemsPerPage>${entries.length}</opensearch:itemsPerPage>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

const NEW_STYLE = /^\d{4}\.\d{4,5}$/;
const OLD_STYLE = /^[a-z-]+(\.[a-z]{2})?\/\d{7}$/i;

async function listen(handler, latencyMs) {
  const log = [];
  const sockets = new Set();
  const server = createServer((request, response) => {
    const entry = { path: request.url ?? '', startedAt: Date.now(), socket: request.socket };
    log.push(entry);
    const answer = () => handler(request, response, log.length);
    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else answer();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    /** How many distinct connections carried the requests. */
    connections: () => new Set(log.map((entry) => entry.socket)).size,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

function json(response, status, body, type = 'application/json') {
  response.writeHead(status, { 'content-type': type });
  response.end(JSON.stringify(body));
}

/**
 * Starts the four fakes. `behaviour` lets a test make a registry misbehave:
 * `arxiv: 'empty' | 'html' | 'rate'` (an empty 200, an HTML page, arXiv's plain "Rate exceeded."),
 * `throttle: { registry, times, retryAfter }` (429 with Retry-After for the first `times` requests).
 * @param {{ arxiv?: Record<string, ArxivPaper>, doi?: Record<string, DoiPaper>, openreview?: Record<string, OpenReviewNote>, dblp?: DblpHit[], latencyMs?: number, behaviour?: { arxiv?: string, throttle?: { registry: string, times: number, retryAfter: string } } }} data
 */
export async function startFakeRegistries(data) {
  const latencyMs = data.latencyMs ?? 0;
  const behaviour = data.behaviour ?? {};
  const throttled = (registry, response, hit) => {
    const throttle = behaviour.throttle;
    if (!throttle || throttle.registry !== registry || hit > throttle.times) return false;
    response.writeHead(429, { 'retry-after': throttle.retryAfter, 'content-type': 'text/plain' });
    response.end('Too Many Requests');
    return true;
  };

  const arxiv = await listen((request, response, hit) => {
    if (throttled('arxiv', response, hit)) return;
    const url = new URL(request.url ?? '/', 'http://fake');
    if (url.pathname !== '/api/query') return json(response, 404, {});
    if (behaviour.arxiv === 'empty') return response.writeHead(200, { 'content-type': 'application/atom+xml' }).end('');
    if (behaviour.arxiv === 'html') return response.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><title>arXiv</title></head><body><p>Please try again</p></body></html>');
    if (behaviour.arxiv === 'rate') return response.writeHead(200, { 'content-type': 'text/plain' }).end('Rate exceeded.');
    const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
    const entries = [];
    for (const id of ids) {
      if (!NEW_STYLE.test(id) && !OLD_STYLE.test(id)) entries.push(atomErrorEntry(id));
      else if (data.arxiv?.[id]) entries.push(atomEntry(id, data.arxiv[id]));
    }
    response.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
    response.end(atomFeed(url.search.slice(1), entries));
  }, latencyMs);

  const doi = await listen((request, response, hit) => {
    if (throttled('doi', response, hit)) return;
    const url = new URL(request.url ?? '/', 'http://fake');
    const agency = url.pathname.startsWith('/agency/');
    const name = decodeURIComponent(url.pathname.replace(/^\/(agency\/)?/, '')).toLowerCase();
    const paper = data.doi?.[name];
    if (!paper) return json(response, 404, { status: 'error', message: 'DOI not found' }, 'text/html');
    if (!agency && (request.headers.accept ?? '').includes('application/vnd.citationstyles.csl+json')) {
      // doi.org hands content negotiation to the registration agency.
      response.writeHead(302, { location: `/agency/${encodeURIComponent(name)}` });
      return response.end();
    }
    const item = {
      type: paper.type ?? 'paper-conference',
      DOI: name,
      title: paper.title,
      'container-title': paper.containerTitle ?? '',
      ...(paper.event ? { event: paper.event } : {}),
      author: (paper.authors ?? []).map((author) => ({ ...author, sequence: 'additional', affiliation: [] })),
      issued: { 'date-parts': [paper.issued ?? [2020]] },
      publisher: 'ACM',
      URL: `https://doi.org/${name}`,
    };
    json(response, 200, item, 'application/vnd.citationstyles.csl+json');
  }, latencyMs);

  const openreview = await listen((request, response, hit) => {
    if (throttled('openreview', response, hit)) return;
    const url = new URL(request.url ?? '/', 'http://fake');
    if (url.pathname !== '/notes') return json(response, 404, { name: 'NotFoundError' });
    const id = url.searchParams.get('id') ?? '';
    const note = data.openreview?.[id];
    const notes = note
      ? [{ id, forum: id, invitations: ['ICLR.cc/2020/Conference/-/Blind_Submission'], cdate: 1569439200000, content: { title: { value: note.title }, authors: { value: note.authors ?? [] }, venue: { value: note.venue ?? '' }, venueid: { value: 'ICLR.cc/2020/Conference' } } }]
      : [];
    json(response, 200, { notes, count: notes.length });
  }, latencyMs);

  const dblp = await listen((request, response, hit) => {
    if (throttled('dblp', response, hit)) return;
    const url = new URL(request.url ?? '/', 'http://fake');
    if (url.pathname !== '/search/publ/api') return json(response, 404, {});
    const words = (url.searchParams.get('q') ?? '').toLowerCase().split(/\W+/).filter(Boolean);
    const hits = (data.dblp ?? []).filter((entry) => words.every((word) => entry.title.toLowerCase().includes(word))).slice(0, Number(url.searchParams.get('h') ?? 30));
    json(response, 200, {
      result: {
        query: url.searchParams.get('q'),
        status: { '@code': '200', text: 'OK' },
        hits: {
          '@total': String(hits.length),
          '@computed': String(hits.length),
          '@sent': String(hits.length),
          '@first': '0',
          ...(hits.length > 0
            ? {
                hit: hits.map((entry, index) => ({
                  '@score': '7',
                  '@id': String(1000 + index),
                  info: {
                    authors: { author: [{ '@pid': '1', text: 'A. Author' }] },
                    title: `${entry.title}.`,
                    venue: entry.venue,
                    year: String(entry.year),
                    type: entry.type ?? 'Conference and Workshop Papers',
                    key: `conf/x/${index}`,
                    ...(entry.doi ? { doi: entry.doi, ee: `https://doi.org/${entry.doi}` } : {}),
                    url: `https://dblp.org/rec/conf/x/${index}`,
                  },
                  url: `URL#${1000 + index}`,
                })),
              }
            : {}),
        },
      },
    });
  }, latencyMs);

  const servers = { arxiv, doi, openreview, dblp };
  return {
    ...servers,
    /** The environment that points the checker at the fakes. */
    env: {
      CATALOG_ARXIV_API_URL: `${arxiv.url}/api`,
      CATALOG_DOI_URL: doi.url,
      CATALOG_OPENREVIEW_API_URL: openreview.url,
      CATALOG_DBLP_API_URL: dblp.url,
    },
    close: () => Promise.all(Object.values(servers).map((server) => server.close())),
  };
}
