// feed.xml against the rules of Atom 1.0 (RFC 4287): well-formed XML in the Atom namespace; a
// feed with one id, title and updated, an author (none of its entries has its own); each entry
// with one id (an IRI, unique in the feed), title and updated, and content or an alternate link;
// every date an RFC 3339 date-time.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, FEED_ENTRIES, type FeedEntry } from '../../src/site/feed.js';

type Node = Record<string, unknown>;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/iu;

/** The Atom rules a feed breaks, as messages (none: valid). */
function atomProblems(xml: string): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'author', 'category', 'id', 'title', 'updated'].includes(name) }).parse(xml) as Node;
  const feed = parsed['feed'] as Node | undefined;
  if (!feed) return ['the root element is not feed'];
  const problems: string[] = [];
  if (feed['@xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push('the feed is not in the Atom namespace');
  const one = (node: Node, name: string, where: string) => {
    const list = (node[name] as unknown[] | undefined) ?? [];
    if (list.length !== 1) problems.push(`${where} has ${list.length} ${name} elements, expected exactly one`);
    const value = list[0];
    return typeof value === 'object' && value !== null ? String((value as Node)['#text'] ?? '') : String(value ?? '');
  };
  const date = (value: string, where: string) => {
    if (!RFC_3339.test(value) || Number.isNaN(Date.parse(value))) problems.push(`${where}: "${value}" is not an RFC 3339 date-time`);
  };
  const feedId = one(feed, 'id', 'the feed');
  if (!IRI.test(feedId)) problems.push(`the feed's id "${feedId}" is not an IRI`);
  one(feed, 'title', 'the feed');
  date(one(feed, 'updated', 'the feed'), "the feed's updated");
  const entries = (feed['entry'] as Node[] | undefined) ?? [];
  const authors = (node: Node) => ((node['author'] as Node[] | undefined) ?? []).filter((author) => typeof author['name'] === 'string' && author['name'] !== '');
  if (authors(feed).length === 0 && entries.some((entry) => authors(entry).length === 0)) problems.push('an entry has no author, and the feed has none');
  const ids = new Set<string>();
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    const id = one(entry, 'id', where);
    if (!IRI.test(id)) problems.push(`${where}: id "${id}" is not an IRI`);
    if (ids.has(id)) problems.push(`${where}: id "${id}" repeats`);
    ids.add(id);
    one(entry, 'title', where);
    date(one(entry, 'updated', where), `${where}'s updated`);
    if (entry['published'] !== undefined) date(String(entry['published']), `${where}'s published`);
    const alternate = ((entry['link'] as Node[] | undefined) ?? []).some((link) => (link['@rel'] ?? 'alternate') === 'alternate');
    if (entry['content'] === undefined && !alternate) problems.push(`${where} has neither content nor an alternate link`);
  });
  return problems;
}

const entry = (anchor: string, added: string, extra: Partial<FeedEntry> = {}): FeedEntry => ({ anchor, name: anchor, description: `About ${anchor}`, section: 'Pipelines', added, ...extra });

describe('the Atom feed', () => {
  it('is valid Atom 1.0, with site.url and without', () => {
    const entries = [entry('gpipe', '2026-01-01T10:00:00Z'), entry('alpa', '2026-02-01T10:00:00Z'), entry('alpa-1', '2026-02-01T10:00:00Z', { name: 'Alpa' })];
    for (const url of ['https://example.org/list/', null]) {
      const xml = atomFeed({ title: 'Planners', url, entries });
      expect(atomProblems(xml)).toEqual([]);
    }
    const linked = atomFeed({ title: 'Planners', url: 'https://example.org/list/', entries });
    expect(linked).toContain('<id>https://example.org/list/#alpa-1</id>');
    expect(linked).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/list/feed.xml"/>');
  });

  it('lists the newest first (document order between equals), at most 50, and dates the feed by its newest entry', () => {
    const entries = Array.from({ length: 60 }, (_, index) => entry(`e${index}`, `2026-01-${String(1 + (index % 28)).padStart(2, '0')}T00:00:00Z`));
    const xml = atomFeed({ title: 'Many', url: null, entries });
    const titles = [...xml.matchAll(/<title>(e\d+)<\/title>/gu)].map((match) => match[1]);
    expect(titles).toHaveLength(FEED_ENTRIES);
    expect(titles.slice(0, 4)).toEqual(['e27', 'e55', 'e26', 'e54']);
    // The feed's own updated comes before the first entry's.
    expect(/<updated>([^<]+)<\/updated>/u.exec(xml)?.[1]).toBe('2026-01-28T00:00:00Z');
    expect(atomProblems(xml)).toEqual([]);
  });

  it('escapes what XML reserves and drops what it forbids, and keeps its ids from one build to the next', () => {
    const odd = entry('x', '2026-01-01T00:00:00Z', { name: 'A <b> & "c"', description: 'Tab\tand \u0001control', section: 'S & T' });
    const xml = atomFeed({ title: 'Odd & <list>', url: null, entries: [odd] });
    expect(atomProblems(xml)).toEqual([]);
    expect(xml).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(xml).toContain('<content type="text">Tab\tand control</content>');
    expect(atomFeed({ title: 'Odd & <list>', url: null, entries: [odd] })).toBe(xml);
  });

  it('the checks above catch a feed that breaks the rules', () => {
    const good = atomFeed({ title: 'T', url: null, entries: [entry('a', '2026-01-01T00:00:00Z'), entry('b', '2026-01-02T00:00:00Z')] });
    expect(atomProblems(good.replace('<updated>2026-01-02T00:00:00Z</updated>', '<updated>2 January 2026</updated>'))).toContainEqual(expect.stringContaining('is not an RFC 3339 date-time'));
    const ids = [...good.matchAll(/<id>(urn:uuid:[^<]+)<\/id>/gu)].map((match) => match[1]!);
    expect(atomProblems(good.replace(ids[2]!, ids[1]!))).toContainEqual(expect.stringContaining('repeats'));
    expect(atomProblems(good.replace(/<author>.*<\/author>/u, ''))).toContainEqual('an entry has no author, and the feed has none');
    expect(atomProblems(good.replace('<feed xmlns', '<feed><x xmlns'))).toContainEqual(expect.stringContaining('not well-formed'));
  });
});
