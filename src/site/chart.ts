// Entries per year, stacked by section: an SVG drawn at build time, with a title, a text
// alternative and the numbers as a table, so it needs no script and says the same to everyone.
import type { SiteSection } from './model.js';
import { escapeHtml } from './render-markdown.js';

/** Okabe–Ito colours: told apart with the common colour-vision deficiencies; they repeat after eight sections. */
export const SECTION_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export interface YearCounts {
  years: number[];
  /** Per section (in order), the number of its entries in each year of `years`. */
  bySection: { heading: string; counts: number[] }[];
  /** Entries without a year: not in the chart, which says so. */
  undated: number;
}

/** Every year from the first to the last entry's (gaps included), and each section's entries in it. */
export function yearCounts(sections: SiteSection[]): YearCounts {
  const all = sections.flatMap((section) => section.entries.flatMap((entry) => (entry.year === null ? [] : [entry.year])));
  const undated = sections.reduce((sum, section) => sum + section.entries.length, 0) - all.length;
  if (all.length === 0) return { years: [], bySection: [], undated };
  const first = Math.min(...all);
  const years = Array.from({ length: Math.max(...all) - first + 1 }, (_, index) => first + index);
  return {
    years,
    bySection: sections.map((section) => {
      const counts = years.map(() => 0);
      for (const entry of section.entries) if (entry.year !== null) counts[entry.year - first]!++;
      return { heading: section.heading, counts };
    }),
    undated,
  };
}

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 32 };

/** The chart as inline SVG, or '' when no entry has a year. */
export function yearChartSvg({ years, bySection, undated }: YearCounts, titleId: string): string {
  if (years.length === 0) return '';
  const totals = years.map((_, index) => bySection.reduce((sum, section) => sum + section.counts[index]!, 0));
  const highest = Math.max(...totals);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / years.length;
  const barWidth = Math.max(1, slot * 0.8);
  const scale = plotHeight / highest;
  const labelEvery = Math.ceil(years.length / 16);
  const bars: string[] = [];
  years.forEach((year, index) => {
    let top = MARGIN.top + plotHeight;
    const x = (MARGIN.left + index * slot + (slot - barWidth) / 2).toFixed(1);
    // Behind the year's bars, the whole catalog's: when the page filters, the bars show the entries shown against it.
    const whole = totals[index]! * scale;
    if (whole > 0) bars.push(`<rect class="whole" x="${x}" y="${(top - whole).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${whole.toFixed(1)}"/>`);
    bySection.forEach((section, sectionIndex) => {
      const count = section.counts[index]!;
      if (count === 0) return;
      const height = count * scale;
      top -= height;
      bars.push(
        `<rect data-year="${year}" data-s="${sectionIndex}" x="${x}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}" fill="${SECTION_COLOURS[sectionIndex % SECTION_COLOURS.length]}"><title>${year}, ${escapeHtml(section.heading)}: ${count}</title></rect>`,
      );
    });
    if (index % labelEvery === 0) {
      bars.push(`<text x="${(MARGIN.left + index * slot + slot / 2).toFixed(1)}" y="${HEIGHT - 10}" text-anchor="middle">${year}</text>`);
    }
  });
  const axis = `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${WIDTH - MARGIN.right}" y2="${MARGIN.top + plotHeight}" stroke="currentColor"/>`;
  const scaleLabels = `<text x="${MARGIN.left - 4}" y="${MARGIN.top + 4}" text-anchor="end">${highest}</text><text x="${MARGIN.left - 4}" y="${MARGIN.top + plotHeight}" text-anchor="end">0</text>`;
  const busiest = years[totals.indexOf(highest)];
  const description = `${totals.reduce((a, b) => a + b, 0)} entries from ${years[0]} to ${years[years.length - 1]}; the most, ${highest}, in ${busiest}.${undatedNote(undated)} The table below gives every number.`;
  // The page script redraws the bars for the entries it shows, on the same scale: it reads the baseline and the scale here.
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId} ${titleId}-desc" class="chart" data-base="${MARGIN.top + plotHeight}" data-scale="${scale}"><title id="${titleId}">Entries per year, by section</title><desc id="${titleId}-desc">${description}</desc>${axis}${scaleLabels}${bars.join('')}</svg>`;
}

/** The sentence that says how many entries the chart leaves out for having no year ('' when none). */
export function undatedNote(undated: number): string {
  if (undated === 0) return '';
  return undated === 1 ? ' 1 entry has no year and is not counted.' : ` ${undated} entries have no year and are not counted.`;
}

/** The chart's numbers as a table: its text alternative. */
export function yearTableHtml({ years, bySection }: YearCounts): string {
  if (years.length === 0) return '';
  const head = `<tr><th scope="col">Year</th>${bySection.map((section) => `<th scope="col">${escapeHtml(section.heading)}</th>`).join('')}<th scope="col">All</th></tr>`;
  const rows = years.map((year, index) => {
    const counts = bySection.map((section) => section.counts[index]!);
    return `<tr><th scope="row">${year}</th>${counts.map((count) => `<td>${count}</td>`).join('')}<td>${counts.reduce((a, b) => a + b, 0)}</td></tr>`;
  });
  return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
