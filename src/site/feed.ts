// feed.xml: the entries most recently added to the catalog, as an Atom 1.0 feed (RFC 4287),
// newest first. With site.url every id and link is the entry's place on the site; without it the
// ids are name-based UUIDs, so that they stay the same from one build to the next.
import { createHash } from 'node:crypto';
import { GENERATOR } from './page.js';

export interface FeedEntry {
  /** Its anchor on the page. */
  anchor: string;
  name: string;
  /** Plain text. */
  description: string;
  section: string;
  /** RFC 3339. */
  added: string;
}

/** At most this many entries: a reader polls the feed, it does not archive the catalog. */
export const FEED_ENTRIES = 50;

const escapeXml = (text: string) =>
  text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '');

/** A UUID made from a name (RFC 4122 version 5 layout, SHA-1), as a URN. */
function nameUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function atomFeed({ title, url, entries }: { title: string; url: string | null; entries: FeedEntry[] }): string {
  const newest = entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => (a.entry.added < b.entry.added ? 1 : a.entry.added > b.entry.added ? -1 : a.order - b.order))
    .slice(0, FEED_ENTRIES)
    .map(({ entry }) => entry);
  const idOf = (anchor: string) => (url ? `${url}#${encodeURIComponent(anchor)}` : nameUuid(`${title}\u0000${anchor}`));
  const items = newest.map((entry) =>
    [
      '  <entry>',
      `    <title>${escapeXml(entry.name || entry.anchor)}</title>`,
      `    <id>${escapeXml(idOf(entry.anchor))}</id>`,
      `    <updated>${entry.added}</updated>`,
      `    <published>${entry.added}</published>`,
      ...(url ? [`    <link rel="alternate" type="text/html" href="${escapeXml(idOf(entry.anchor))}"/>`] : []),
      ...(entry.section ? [`    <category term="${escapeXml(entry.section)}"/>`] : []),
      `    <content type="text">${escapeXml(entry.description)}</content>`,
      '  </entry>',
    ].join('\n'),
  );
  // The feed changes when an entry is added: its date is the newest entry's, not the build's.
  const updated = newest[0]?.added ?? '1970-01-01T00:00:00Z';
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(`${title}: new entries`)}</title>`,
    `  <id>${escapeXml(url ?? nameUuid(title))}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(title)}</name></author>`,
    `  <generator>${GENERATOR}</generator>`,
    ...(url ? [`  <link rel="self" type="application/atom+xml" href="${escapeXml(`${url}feed.xml`)}"/>`, `  <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`] : []),
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
