// The page: one self-contained index.html. The style and the script are inline, allowed by their
// hashes in the page's Content-Security-Policy, which allows nothing else: no other script, no
// request to any origin. Without the script the page is the whole catalog, readable; the script
// only adds the search, the filters and the sort (their controls are hidden until it runs).
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
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="generator" content="${GENERATOR}">
<title>${escapeHtml(model.title)}</title>
<link rel="icon" href="data:,">
<style>${assets.style}</style>
</head>
<body>
<a class="skip" href="#site:entries">Skip to the entries</a>
<header class="masthead">
<h1>${escapeHtml(model.title)}</h1>
${model.introHtml}
${sectionNavHtml(model.sections)}
</header>
<div class="layout">
${controlsHtml(model, counts.undated)}
<main id="site:entries" tabindex="-1">
<p id="site:status" class="status" role="status">${model.total} of ${model.total} entries</p>
<div id="site:empty" class="empty" hidden><p>No entry matches the search and filters.</p><button type="button" id="site:clear-empty">Clear the search and filters</button></div>
${model.sections.map(sectionHtml).join('\n')}
</main>
</div>
${chart ? chartHtml(chart, counts, model.sections) : ''}
<footer class="colophon"><p>Built on <time datetime="${build.date}">${build.date}</time>${commitHtml(build)} from the catalog's markdown; every entry is there.</p></footer>
<script>${assets.script}</script>
</body>
</html>
`;
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
  const search = `<p class="field"><label for="site:q">Search the entries</label><input type="search" id="site:q" name="q" autocomplete="off" spellcheck="false"></p>`;
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
  const sortOptions = [['', 'Catalog order'], ['name', 'Name (A to Z)'], ...(model.years ? [['year', 'Year, newest first'], ['year-asc', 'Year, oldest first']] : [])];
  const sort = `<p class="field"><label for="site:sort">Sort</label><select id="site:sort" name="sort">${sortOptions.map(([value, label]) => `<option value="${value}">${label}</option>`).join('')}</select></p>`;
  // On a phone the script folds the filters away (unless some are set), so the entries come first.
  return `<form id="site:controls" class="controls" role="search" aria-label="Search and filters" hidden>${search}<details id="site:filters" open><summary>Filters and sort</summary>${sort}${years}${sections}${facets.join('')}<p><button type="button" id="site:clear">Clear the search and filters</button></p></details></form>`;
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

function sectionHtml(section: SiteSection): string {
  // The prose after a section's table is not hidden with its entries: it is not an entry.
  const after = section.afterHtml ? `\n<div class="prose">${section.afterHtml}</div>` : '';
  return `<section class="section" id="${escapeHtml(section.id)}" data-section="${escapeHtml(section.id)}">
<h2>${escapeHtml(section.heading || 'Entries')}</h2>
${section.introHtml}
<ol class="entries">
${section.entries.map((entry) => entryHtml(entry, section.id)).join('\n')}
</ol>
</section>${after}`;
}

function entryHtml(entry: SiteEntry, sectionId: string): string {
  const facets = [...entry.facets]
    .map(([key, values]) => ` data-f-${key}="${escapeHtml(values.join('\n'))}"`)
    .join('');
  const year = entry.year === null ? '' : ` data-year="${entry.year}"`;
  const fields = entry.fields
    .map(({ label, html, tags }) => {
      const value = tags ? `<ul class="tags">${tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul>` : html;
      return `<div><dt>${escapeHtml(label)}</dt><dd class="v">${value}</dd></div>`;
    })
    .join('');
  return `<li class="entry" id="${escapeHtml(entry.id)}" data-section="${escapeHtml(sectionId)}"${year}${facets}><h3 class="v">${entry.nameHtml || escapeHtml(entry.name)}</h3><dl>${fields}</dl></li>`;
}
