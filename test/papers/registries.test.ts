import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRegistries, type FakeRegistries } from '../../scripts/fake-registries.js';
import { paperId, type PaperId } from '../../src/papers/identifiers.js';
import { emptyPaperCache } from '../../src/papers/paper-cache.js';
import { Registries, lookUpPapers, registryPlan } from '../../src/papers/registries.js';

let fakes: FakeRegistries | null = null;
let registries: Registries | null = null;

afterEach(async () => {
  await registries?.close();
  await fakes?.close();
  registries = null;
  fakes = null;
});

const FAST = { arxiv: 150, doi: 20, openreview: 20, dblp: 20 };

async function start(data: Parameters<typeof startFakeRegistries>[0], intervalsMs = FAST): Promise<Registries> {
  fakes = await startFakeRegistries(data);
  registries = new Registries({ env: fakes.env, allowPrivate: true, intervalsMs, timeoutMs: 2000, maxBackoffMs: 2000 });
  return registries;
}

const paper = (title: string, published = '2019-10-03') => ({ title, summary: `We present ${title}.`, authors: ['Yanping Huang', 'Youlong Cheng'], published });
const arxivIds = (count: number) => Array.from({ length: count }, (_, index) => `2101.${String(10000 + index)}`);

describe('arXiv', () => {
  it('asks 250 ids in 3 calls at least the interval apart, on one connection, max_results the batch size', async () => {
    const ids = arxivIds(250);
    const known = Object.fromEntries(ids.map((id) => [id, paper(`Paper ${id}`)]));
    const registries = await start({ arxiv: known });
    const { answers, summaries } = await lookUpPapers(ids.map((id) => paperId('arxiv', id)), registries, emptyPaperCache(), new Date());
    expect([...answers.values()].every((answer) => answer.kind === 'found')).toBe(true);
    const log = fakes!.arxiv.log;
    expect(log).toHaveLength(3);
    expect(log.map((entry) => new URL(entry.path, 'http://x').searchParams.get('max_results'))).toEqual(['100', '100', '50']);
    expect(log[1]!.startedAt - log[0]!.startedAt).toBeGreaterThanOrEqual(150);
    expect(log[2]!.startedAt - log[1]!.startedAt).toBeGreaterThanOrEqual(150);
    expect(fakes!.arxiv.connections()).toBe(1);
    expect(summaries.find((summary) => summary.registry === 'arxiv')).toMatchObject({ ids: 250, confirmed: 250, calls: 3 });
  });

  it('reads the fields: wrapped title, authors, first-version date, journal reference, DOI, comment', async () => {
    const registries = await start({ arxiv: { '1811.06965': { ...paper('GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism', '2018-11-16'), journalRef: 'NeurIPS 2019', doi: '10.5555/X', comment: 'This paper has been withdrawn by the author' } } });
    const answers = await registries.ask('arxiv', ['1811.06965']);
    expect(answers.get('arxiv:1811.06965')).toEqual({
      kind: 'found',
      cached: false,
      record: {
        title: 'GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism',
        abstract: 'We present GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism.',
        authors: [{ family: 'Huang', given: 'Yanping' }, { family: 'Cheng', given: 'Youlong' }],
        date: '2018-11-16',
        year: 2018,
        venue: 'NeurIPS 2019',
        venueKind: null,
        doi: '10.5555/x',
        comment: 'This paper has been withdrawn by the author',
      },
    });
  });

  it("an id the feed leaves out, or arXiv's error entry names, is missing after a second ask", async () => {
    const registries = await start({ arxiv: { '1811.06965': paper('GPipe') } });
    const ids = [paperId('arxiv', '1811.06965'), paperId('arxiv', '2101.99999'), paperId('arxiv', '1234.5')];
    const { answers } = await lookUpPapers(ids, registries, emptyPaperCache(), new Date());
    expect(answers.get('arxiv:1811.06965')?.kind).toBe('found');
    expect(answers.get('arxiv:2101.99999')).toEqual({ kind: 'missing', reason: 'arXiv API has no entry for 2101.99999' });
    expect(answers.get('arxiv:1234.5')).toEqual({ kind: 'missing', reason: 'arXiv API: incorrect id format for 1234.5' });
    expect(fakes!.arxiv.log).toHaveLength(2);
    expect(new URL(fakes!.arxiv.log[1]!.path, 'http://x').searchParams.get('id_list')).toBe('2101.99999,1234.5');
  });

  it.each([
    ['empty', 'an empty body'],
    ['html', 'an HTML page'],
    ['rate', '"Rate exceeded."'],
  ] as const)('a 200 that is not an Atom feed (%s) makes the batch unverifiable, never missing', async (behaviour, described) => {
    const registries = await start({ arxiv: { '1811.06965': paper('GPipe') }, behaviour: { arxiv: behaviour } });
    const { answers } = await lookUpPapers([paperId('arxiv', '1811.06965'), paperId('arxiv', '2101.99999')], registries, emptyPaperCache(), new Date());
    for (const answer of answers.values()) expect(answer).toEqual({ kind: 'unverifiable', reason: `arXiv API answered with something that is not an Atom feed (${described})` });
    expect(fakes!.arxiv.log).toHaveLength(1);
  });

  it('a 429 with Retry-After is waited out, then the same call is made again', async () => {
    const registries = await start({ arxiv: { '1811.06965': paper('GPipe') }, behaviour: { throttle: { registry: 'arxiv', times: 1, retryAfter: '1' } } });
    const answers = await registries.ask('arxiv', ['1811.06965']);
    expect(answers.get('arxiv:1811.06965')?.kind).toBe('found');
    const [first, second] = fakes!.arxiv.log;
    expect(second!.startedAt - first!.startedAt).toBeGreaterThanOrEqual(1000);
  });

  it('a registry that answers three back-offs in a row is given up for the run, in one line', async () => {
    const registries = await start({ arxiv: {}, behaviour: { throttle: { registry: 'arxiv', times: 99, retryAfter: '0' } } });
    const { answers, summaries } = await lookUpPapers(arxivIds(150).map((id) => paperId('arxiv', id)), registries, emptyPaperCache(), new Date());
    expect(fakes!.arxiv.log).toHaveLength(3);
    expect(new Set([...answers.values()].map((answer) => answer.kind))).toEqual(new Set(['unverifiable']));
    expect(summaries[0]!.gaveUp).toBe('arXiv answered 429 (slow down) 3 times in a row: given up for this run, its links are unverifiable');
  });

  it('a registry that is down leaves its ids unverifiable', async () => {
    const registries = await start({});
    await fakes!.arxiv.close();
    const { answers } = await lookUpPapers([paperId('arxiv', '1811.06965')], registries, emptyPaperCache(), new Date());
    expect(answers.get('arxiv:1811.06965')).toMatchObject({ kind: 'unverifiable', reason: expect.stringMatching(/^arXiv did not answer: connection refused/) });
  });
});

describe('doi.org', () => {
  it('follows the redirect to the agency and reads its CSL-JSON; 404 twice is missing', async () => {
    const registries = await start({
      doi: { '10.1145/3419111.3421302': { title: 'Baechi: fast device placement of machine learning graphs', containerTitle: 'Proceedings of the 11th ACM Symposium on Cloud Computing', issued: [2020, 10, 12], authors: [{ given: 'Beomyeol', family: 'Jeon' }] } },
    });
    const ids: PaperId[] = [paperId('doi', '10.1145/3419111.3421302'), paperId('doi', '10.1145/0000000.0000000')];
    const { answers, summaries } = await lookUpPapers(ids, registries, emptyPaperCache(), new Date());
    expect(answers.get('doi:10.1145/3419111.3421302')).toMatchObject({
      kind: 'found',
      record: { title: 'Baechi: fast device placement of machine learning graphs', venue: 'Proceedings of the 11th ACM Symposium on Cloud Computing', venueKind: 'proceedings', date: '2020-10-12', year: 2020, authors: [{ family: 'Jeon', given: 'Beomyeol' }] },
    });
    expect(answers.get('doi:10.1145/0000000.0000000')).toEqual({ kind: 'missing', reason: 'doi.org: DOI 10.1145/0000000.0000000 not found (404)' });
    expect(fakes!.doi.log.map((entry) => entry.path)).toEqual(['/10.1145/3419111.3421302', '/agency/10.1145%2F3419111.3421302', '/10.1145/0000000.0000000', '/10.1145/0000000.0000000']);
    expect(summaries.find((summary) => summary.registry === 'doi')).toMatchObject({ ids: 2, confirmed: 1, missing: 1, calls: 4 });
  });
});

describe('OpenReview', () => {
  it('reads notes[0].content; an empty notes list is missing', async () => {
    const registries = await start({ openreview: { 'Hkc-TeZ0W': { title: 'A Hierarchical Model for Device Placement', venue: 'ICLR 2018 Conference Track', authors: ['Azalia Mirhoseini'] } } });
    const { answers } = await lookUpPapers([paperId('openreview', 'Hkc-TeZ0W'), paperId('openreview', 'nope')], registries, emptyPaperCache(), new Date());
    expect(answers.get('openreview:Hkc-TeZ0W')).toMatchObject({ kind: 'found', record: { title: 'A Hierarchical Model for Device Placement', venue: 'ICLR 2018 Conference Track', year: 2018 } });
    expect(answers.get('openreview:nope')).toEqual({ kind: 'missing', reason: 'OpenReview API: no note nope' });
  });
});

describe('DBLP', () => {
  it('finds a published version whose title equals the paper’s, skipping CoRR and other titles', async () => {
    const registries = await start({
      dblp: [
        { title: 'GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism', venue: 'CoRR', year: 2018, type: 'Informal and Other Publications' },
        { title: 'GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism and More', venue: 'ICML', year: 2020 },
        { title: 'GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism', venue: 'NeurIPS', year: 2019, doi: '10.5555/X' },
      ],
    });
    expect(await registries.findPublished('GPipe: efficient training of giant neural networks using pipeline parallelism')).toEqual({
      title: 'GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism.',
      venue: 'NeurIPS',
      year: 2019,
      doi: '10.5555/x',
      url: 'https://dblp.org/rec/conf/x/2',
    });
    expect(await registries.findPublished('Something else entirely')).toBeNull();
  });
});

describe('the cache', () => {
  it('answers a fresh record without a request and keeps no failure', async () => {
    const registries = await start({ arxiv: { '1811.06965': paper('GPipe') } });
    const cache = emptyPaperCache();
    const ids = [paperId('arxiv', '1811.06965'), paperId('arxiv', '2101.99999')];
    await lookUpPapers(ids, registries, cache, new Date('2026-01-01T00:00:00Z'));
    expect(Object.keys(cache.records)).toEqual(['arxiv:1811.06965']);
    const requests = fakes!.arxiv.log.length;
    const again = await lookUpPapers([ids[0]!], registries, cache, new Date('2026-01-20T00:00:00Z'));
    expect(again.answers.get('arxiv:1811.06965')).toMatchObject({ kind: 'found', cached: true });
    expect(fakes!.arxiv.log.length).toBe(requests);
    await lookUpPapers([ids[0]!], registries, cache, new Date('2026-02-05T00:00:00Z'));
    expect(fakes!.arxiv.log.length).toBe(requests + 1);
  });
});

describe('registryPlan', () => {
  it('counts calls by each quota and the least time they take', () => {
    const plan = registryPlan({ arxiv: 250, doi: 17, openreview: 4 }, { arxiv: 3000, doi: 500, openreview: 1000, dblp: 2000 });
    expect(plan).toEqual([
      { registry: 'arxiv', ids: 250, calls: 3, leastMs: 6000 },
      { registry: 'doi', ids: 17, calls: 17, leastMs: 8000 },
      { registry: 'openreview', ids: 4, calls: 4, leastMs: 3000 },
    ]);
  });
});

describe('Registries', () => {
  it('paces each registry at its documented quota unless told otherwise, and reads its address from the environment only', async () => {
    registries = new Registries({ env: { CATALOG_DOI_URL: 'http://127.0.0.1:9/' } });
    expect(registries.intervalsMs).toEqual({ arxiv: 3000, doi: 500, openreview: 1000, dblp: 2000 });
    expect(registries.urls).toEqual({ arxiv: 'https://export.arxiv.org/api', doi: 'http://127.0.0.1:9/', openreview: 'https://api2.openreview.net', dblp: 'https://dblp.org' });
  });
});
