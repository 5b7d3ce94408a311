// The page: one self-contained index.html. The style and the script are inline, allowed by their
// hashes in the page's Content-Security-Policy, which allows nothing else: no other script, no
// request to any origin (the synonyms and the citations are JSON data blocks, which run nothing).
// Without the script the page is the whole catalog, readable; the script only adds the search,
// the filters, the sort and the cards' copy and cite buttons (hidden until it runs).
import { createHash } from 'node:crypto';
import { undatedNote, yearChartSvg, yearCounts, yearTableHtml, SECTION_COLOURS } from './chart.js';
import type { SiteEntry, SiteModel, SiteSection } from './model.js';
import { escapeHtml } from './render-markdown.js';

export interface BuildInfo {
  /** The day the site was built, YYYY-MM-DD. */
  date: string;
  /** The commit it was built from (full or short SHA), when known. */
  commit?: string;
  /** A page showing that commit, when known. */
  commitUrl?: string;
}

export interface PageAssets {
  style: string;
  script: string;
}

/** Marks a folder as a site this command wrote, so rebuilding into it may replace it. */
export const GENERATOR = 'catalog site';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export function renderPage(model: SiteModel, build: BuildInfo, assets: PageAssets): string {
  const policy = [
    "default-src 'none'",
    `script-src ${hash(assets.script)}`,
    `style-src ${hash(assets.style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const counts = yearCounts(model.sections);
  const chart = yearChartSvg(counts, 'site:chart-title');
  const title = escapeHtml(model.title);
  const description = escapeHtml(model.description);
  // The introduction is the catalog's own prose: its first paragraph stays in view, the rest
  // folds away once the script runs (it is open without it), so the entries come first.
  const about =
    model.introRestHtml || model.sections.length > 1
      ? `<details class="about" id="site:about" open><summary>About this catalog${model.sections.length > 1 ? ', and its sections' : ''}</summary>
${model.introRestHtml}
${sectionNavHtml(model.sections)}
</details>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="generator" content="${GENERATOR}">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
${description ? `<meta name="description" content="${description}">\n` : ''}<meta property="og:type" content="website">
<meta property="og:title" content="${title}">
${description ? `<meta property="og:description" content="${description}">\n` : ''}<link rel="icon" href="data:,">${model.added ? '\n<link rel="alternate" type="application/atom+xml" href="feed.xml" title="New entries">' : ''}
<style>${assets.style}</style>
</head>
<body>
<a class="skip" href="#site:entries">Skip to the entries</a>
<header class="masthead">
<h1>${title}</h1>
${model.introLeadHtml}
${about}
</header>
<div class="layout" id="site:layout">
${controlsHtml(model, counts.undated)}
<main id="site:entries" tabindex="-1">
${resultsBarHtml(model)}
<div id="site:empty" class="empty" hidden><p id="site:empty-text">No entry matches the search and filters.</p><button type="button" id="site:clear-empty">Clear the search and filters</button></div>
<section id="site:one-list" hidden><h2 class="vh">The entries, in one list</h2><ol id="site:list" class="entries"></ol></section>
${model.sections.map((section) => sectionHtml(section, model.added?.newSince)).join('\n')}
</main>
</div>
${chart ? chartHtml(chart, counts, model.sections) : ''}
<footer class="colophon"><p>Built on <time datetime="${build.date}">${build.date}</time>${commitHtml(build)} from the catalog's markdown; every entry is there.</p></footer>
${model.synonyms.length > 0 ? `<script type="application/json" id="site:synonyms">${jsonForScript(model.synonyms)}</script>\n` : ''}${citationsHtml(model)}<script>${assets.script}</script>
</body>
</html>
`;
}

/** Each entry's BibTeX, read by the page script when a Cite button is first pressed (data, not script: the policy need not allow it). */
function citationsHtml(model: SiteModel): string {
  const citations = Object.fromEntries(model.sections.flatMap((section) => section.entries.filter((entry) => entry.citation).map((entry) => [entry.id, entry.citation])));
  return Object.keys(citations).length > 0 ? `<script type="application/json" id="site:citations">${jsonForScript(citations)}</script>\n` : '';
}

/** JSON inside a script element: "<" is escaped, so no text can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</gu, '\\u003c');
}

/** The result count, and how the results are ordered and grouped. */
function resultsBarHtml(model: SiteModel): string {
  const status = `<p id="site:status" class="status" role="status">${model.total} of ${model.total} entries</p>`;
  if (!model.filters) return `<div class="results-bar">${status}</div>`;
  const sortOptions = [
    ['', 'Catalog order'],
    ['relevance', 'Best match'],
    ['name', 'Name, A to Z'],
    ...(model.years ? [['year', 'Newest first'], ['year-asc', 'Oldest first']] : []),
    ...(model.added ? [['added', 'Date added, newest first']] : []),
  ];
  const sort = `<p class="field"><label for="site:sort">Sort</label> <select id="site:sort" name="sort">${sortOptions.map(([value, label]) => `<option value="${value}">${label}</option>`).join('')}</select></p>`;
  const view =
    model.sections.length > 1
      ? `<p class="field"><label for="site:view">Show</label> <select id="site:view" name="view"><option value="">By section</option><option value="list">One list</option></select></p>`
      : '';
  return `<div class="results-bar">${status}<div class="order" id="site:order" hidden>${sort}${view}</div></div>`;
}

function commitHtml({ commit, commitUrl }: BuildInfo): string {
  if (!commit) return '';
  const short = escapeHtml(commit.slice(0, 12));
  return commitUrl ? ` from commit <a href="${escapeHtml(commitUrl)}"><code>${short}</code></a>` : ` from commit <code>${short}</code>`;
}

function chartHtml(svg: string, counts: ReturnType<typeof yearCounts>, sections: SiteSection[]): string {
  const legend = counts.bySection
    .map(
      (section, index) =>
        `<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="${SECTION_COLOURS[index % SECTION_COLOURS.length]}"/></svg>${escapeHtml(section.heading)}</li>`,
    )
    .join('');
  return `<section class="chart-box" aria-labelledby="site:chart-heading">
<h2 id="site:chart-heading">Entries per year</h2>
<figure>${svg}<figcaption><ul class="legend">${sections.length > 1 ? legend : ''}</ul>${counts.undated > 0 ? `<p>${undatedNote(counts.undated).trim()}</p>` : ''}</figcaption></figure>
<details><summary>The numbers</summary><div class="scroll" tabindex="0" role="region" aria-label="Entries per year and section, the numbers">${yearTableHtml(counts)}</div></details>
</section>`;
}

function controlsHtml(model: SiteModel, undated: number): string {
  const search = `<p class="field search"><label for="site:q">Search the entries</label><input type="search" id="site:q" name="q" autocomplete="off" spellcheck="false" aria-describedby="site:q-help"><span class="help" id="site:q-help">Words match at their start; "quotes" for a phrase.</span></p>`;
  if (!model.filters) {
    return `<form id="site:controls" class="controls" role="search" hidden>${search}</form>`;
  }
  const sections =
    model.sections.length > 1
      ? checkboxGroup(
          'section',
          'Section',
          model.sections.map((section) => ({ value: section.id, label: section.heading || 'Entries', count: section.entries.length })),
        )
      : '';
  const facets = model.facets.map((facet) =>
    checkboxGroup(facet.key, facet.label, facet.values.map(({ value, count }) => ({ value, label: value, count }))),
  );
  // Entries without a year cannot be in a range: the fieldset says so when there are some.
  const help = undated > 0 ? `<p class="help" id="site:years-help">Entries without a year (${undated}) are hidden when a year is set.</p>` : '';
  const described = help ? ' aria-describedby="site:years-help"' : '';
  const years = model.years
    ? `<fieldset class="years"><legend>Year</legend><p><label for="site:from">From</label> <input type="number" id="site:from" name="from" min="${model.years.min}" max="${model.years.max}" placeholder="${model.years.min}"${described}></p><p><label for="site:to">To</label> <input type="number" id="site:to" name="to" min="${model.years.min}" max="${model.years.max}" placeholder="${model.years.max}"${described}></p>${help}</fieldset>`
    : '';
  const added = model.added
    ? `<p class="field"><label for="site:added">Added since</label><input type="date" id="site:added" name="added" min="${model.added.first}" max="${model.added.last}"></p>`
    : '';
  // On a phone the filters fold into the bar's button, so the entries come first.
  return `<form id="site:controls" class="controls" role="search" aria-label="Search and filters" hidden>${search}<details id="site:filters" class="filters" open><summary>Filters<span id="site:active"></span></summary>${years}${added}${facets.join('')}${sections}<p class="filter-actions"><button type="button" id="site:clear">Clear the search and filters</button> <button type="button" id="site:done" class="done">Show the entries</button></p></details></form>`;
}

function checkboxGroup(key: string, legend: string, options: { value: string; label: string; count: number }[]): string {
  const items = options.map(
    ({ value, label, count }) =>
      `<li><label><input type="checkbox" name="${escapeHtml(key)}" value="${escapeHtml(value)}"> ${escapeHtml(label)} <span class="count">(${count})</span></label></li>`,
  );
  return `<fieldset class="facet" data-key="${escapeHtml(key)}"><legend>${escapeHtml(legend)}</legend><ul>${items.join('')}</ul></fieldset>`;
}

/** Links to the sections, with their entries: the catalog's table of contents (it needs no script). */
function sectionNavHtml(sections: SiteSection[]): string {
  if (sections.length < 2) return '';
  const items = sections.map(
    (section) => `<li><a href="#${escapeHtml(section.id)}">${escapeHtml(section.heading || 'Entries')}</a> <span class="count">(${section.entries.length})</span></li>`,
  );
  return `<nav class="sections" aria-label="Sections"><ul>${items.join('')}</ul></nav>`;
}

function sectionHtml(section: SiteSection, newSince: string | undefined): string {
  // The prose after a section's table is not hidden with its entries: it is not an entry.
  const after = section.afterHtml ? `\n<div class="prose">${section.afterHtml}</div>` : '';
  const heading = escapeHtml(section.heading || 'Entries');
  return `<section class="section" id="${escapeHtml(section.id)}" data-section="${escapeHtml(section.id)}">
<h2>${heading}</h2>
${section.introHtml}
<ol class="entries">
${section.entries.map((entry) => entryHtml(entry, section.id, heading, newSince)).join('\n')}
</ol>
</section>${after}`;
}

/** The day an entry was added, marked new when it is on or after `newSince`. */
function addedHtml(added: string | undefined, newSince: string | undefined): string {
  if (!added) return '';
  const mark = newSince !== undefined && added >= newSince ? '<strong class="new">New</strong> ' : '';
  return `<p class="added">${mark}Added <time datetime="${added}">${added}</time></p>`;
}

/**
 * A card: its name, its section and its permalink, its fields, and the buttons that copy the
 * link and show a citation (the script makes them work; without it they are not shown). The
 * buttons are outside any form, so they need no type; the name describes them.
 */
function entryHtml(entry: SiteEntry, sectionId: string, sectionHeading: string, newSince: string | undefined): string {
  const facets = [...entry.facets]
    .map(([key, values]) => ` data-f-${key}="${escapeHtml(values.join('\n'))}"`)
    .join('');
  const id = escapeHtml(entry.id);
  const name = escapeHtml(entry.name);
  const year = entry.year === null ? '' : ` data-year="${entry.year}"`;
  const added = entry.added ? ` data-added="${entry.added}"` : '';
  const fields = entry.fields
    .map(({ label, html, tags, links }) => {
      const value = tags ? `<ul class="tags">${tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul>` : links ? linksNamed(html, name) : html;
      return `<div><dt>${escapeHtml(label)}</dt><dd class="v">${value}</dd></div>`;
    })
    .join('');
  const nameId = `${id}:name`;
  return `<li class="entry" id="${id}" data-section="${escapeHtml(sectionId)}"${year}${added}${facets}><h3 class="v" id="${nameId}">${entry.nameHtml || name}</h3><p class="where"><a href="#${escapeHtml(sectionId)}">${sectionHeading}</a> · <a class="permalink" href="#${id}">#${id}</a><span class="tools"> <button class="copy" aria-describedby="${nameId}">Copy link</button>${entry.citation ? ` <button class="cite" aria-describedby="${nameId}" aria-expanded="false">Cite</button>` : ''}</span></p>${addedHtml(entry.added, newSince)}<dl>${fields}</dl></li>`;
}

/** Each link of a paper cell says whose paper it is ("arXiv 2024" alone, twenty times, says little to a screen reader). */
function linksNamed(html: string, name: string): string {
  return html.replaceAll('</a>', `<span class="vh"> (${name})</span></a>`);
}
