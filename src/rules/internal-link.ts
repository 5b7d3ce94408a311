import { closest, distance } from 'fastest-levenshtein';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { documentAnchors } from '../catalog/anchors.js';
import { genericConfig } from '../catalog/load-config.js';
import type { Catalog, Link } from '../catalog/model.js';
import { readCatalog } from '../catalog/read.js';
import { isInside, type Workspace } from '../catalog/workspace.js';
import { defineRule, type Finding } from './define.js';
import { isRepositoryPath } from './url-kind.js';

/**
 * Links inside the repository, checked offline: `#fragment` against the file's own headings
 * and HTML anchors, a relative link against the files next to it (case-sensitive, as on
 * GitHub), and its fragment against the headings of the markdown file it names. Without a
 * workspace (a text that is no file) only links within the file are checked. A link that leads
 * out of the repository (or, outside one, out of the file's folder) is reported as such, and
 * nothing there is read.
 */
export const internalLink = defineRule(
  {
    id: 'internal-link',
    severity: 'error',
    description: 'Links to a heading or a file of the repository lead somewhere',
    needsSchema: false,
    fixable: false,
  },
  (catalog, _config, { workspace = null }) => {
    const anchorsOf = anchorReader(catalog, workspace);
    return allLinks(catalog).flatMap((link) => checkLink(link, catalog, workspace, anchorsOf));
  },
);

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);
// GitHub's line anchors on a code file: #L10, #L10-L20, #L10C5-L12C3.
const LINE_ANCHOR = /^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$/u;
// GitHub prefixes the ids it renders; a link may name either form.
const GITHUB_PREFIX = 'user-content-';

/**
 * Links in prose, links to a heading in table cells, and links to a file of the repository in
 * tables no schema describes: any other relative link in a cell is reported by `link-syntax`,
 * which asks the cells of a schema's table for absolute URLs (reporting it twice would bury one
 * mistake under two messages).
 */
function allLinks(catalog: Catalog): Link[] {
  const cellLinks = catalog.tables.flatMap((table) =>
    [table.header, ...table.rows].flatMap((row) =>
      row.cells.flatMap((cell) => cell.links.filter((link) => link.url.startsWith('#') || (table.schema === null && isRepositoryPath(link.url)))),
    ),
  );
  return [...catalog.proseLinks, ...cellLinks];
}

/** The anchors of the linted file or of another markdown file, each read once; null for a file that cannot be read. */
function anchorReader(catalog: Catalog, workspace: Workspace | null): (path: string | null) => Set<string> | null {
  const cache = new Map<string | null, Set<string> | null>();
  return (path) => {
    if (path === null || path === workspace?.path) path = null;
    if (!cache.has(path)) {
      if (path === null) cache.set(null, documentAnchors(catalog));
      else {
        const source = workspace?.readText(path) ?? null;
        cache.set(path, source === null ? null : documentAnchors(readCatalog({ file: path, source, config: genericConfig() })));
      }
    }
    return cache.get(path)!;
  };
}

function checkLink(link: Link, catalog: Catalog, workspace: Workspace | null, anchorsOf: (path: string | null) => Set<string> | null): Finding[] {
  const url = link.url.trim();
  // Another site, an e-mail address, a protocol-relative URL: the link checker's business.
  if (url === '' || /^[a-z][a-z\d+.-]*:/iu.test(url) || url.startsWith('//')) return [];
  const hash = url.indexOf('#');
  const pathPart = (hash < 0 ? url : url.slice(0, hash)).replace(/\?.*$/u, '');
  const fragment = hash < 0 ? null : decode(url.slice(hash + 1));
  const range = link.urlRange ?? link.range;

  let target: string | null = null;
  if (pathPart !== '') {
    if (workspace === null) return [];
    const base = pathPart.startsWith('/') ? workspace.root : dirname(workspace.path);
    if (base === null) return [];
    target = resolve(join(base, decode(pathPart)));
    // Nothing outside the repository is looked at: whether a file exists there, its lines
    // and its headings are none of the list's business, and a device would be read for ever.
    const boundary = workspace.root ?? dirname(workspace.path);
    if (!isInside(boundary, target) || workspace.leavesRepository?.(target)) {
      const outside = workspace.root === null ? "outside this file's folder (there is no repository around it)" : 'outside the repository';
      return [
        {
          range,
          message: `Unexpected link to "${url}": it leads ${outside}, where links are not followed`,
          hint: 'Link to a file of the repository, or to an absolute https:// address for anything else',
        },
      ];
    }
    if (!workspace.exists(target)) {
      const where = base === workspace.root && pathPart.startsWith('/') ? " at the repository's root" : ' next to this file';
      return [
        {
          range,
          message: `Unexpected link to "${url}": there is no file ${relative(base, target) || '.'}${where}`,
          hint: 'Correct the path (relative to this file, and case-sensitive, as on GitHub), or remove the link if the file is gone',
        },
      ];
    }
  }
  if (fragment === null || fragment === '' || fragment === 'top') return [];
  // `?plain=1` shows a markdown file's source on GitHub, where line anchors work as in code.
  const sourceView = /[?&]plain=1(?:&|#|$)/u.test(url);
  const isMarkdown = target === null || (MARKDOWN_EXTENSIONS.has(extname(target).toLowerCase()) && !sourceView);
  if (!isMarkdown) {
    // A code file: only GitHub's line anchors can be checked, against its number of lines.
    return LINE_ANCHOR.test(fragment) ? checkLineAnchor(fragment, target!, url, range, workspace!) : [];
  }
  const anchors = anchorsOf(target);
  if (anchors === null) return [];
  const wanted = fragment.startsWith(GITHUB_PREFIX) ? fragment.slice(GITHUB_PREFIX.length) : fragment;
  if (anchors.has(wanted)) return [];
  const where = target === null ? 'this file' : relative(dirname(workspace!.path), target);
  const suggestion = closestAnchor(wanted, anchors);
  return [
    {
      range,
      message: `Unexpected link to "${url}": ${where} has no heading or anchor "${wanted}"${suggestion ? `; did you mean "#${suggestion}"?` : ''}`,
      hint: "Link to a heading by GitHub's anchor for it: lower case, punctuation dropped, spaces as \"-\", \"-1\", \"-2\" for a repeated heading",
    },
  ];
}

function checkLineAnchor(fragment: string, target: string, url: string, range: Link['range'], workspace: Workspace): Finding[] {
  const source = workspace.readText(target);
  if (source === null) return [];
  const lineCount = source.split(/\r\n|\r|\n/u).length - (/(?:\r\n|\r|\n)$/u.test(source) ? 1 : 0);
  const lines = [...fragment.matchAll(/L(\d+)/gu)].map((match) => Number(match[1]));
  const beyond = lines.find((line) => line < 1 || line > lineCount);
  if (beyond === undefined) return [];
  return [
    {
      range,
      message: `Unexpected link to "${url}": line ${beyond} is beyond the ${lineCount} lines of ${relative(dirname(workspace.path), target)}`,
      hint: 'Link to a line the file has, or drop the line anchor',
    },
  ];
}

/** The anchor closest to the one written, when it is close enough to be a slip. */
function closestAnchor(wanted: string, anchors: Set<string>): string | null {
  if (anchors.size === 0) return null;
  const candidate = closest(wanted, [...anchors]);
  return distance(wanted, candidate) <= Math.max(2, Math.floor(wanted.length / 2)) ? candidate : null;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
