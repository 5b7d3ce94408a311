import { describe, expect, it } from 'vitest';
import { yearChartSvg, yearCounts, yearTableHtml } from '../../src/site/chart.js';
import { siteModel } from '../../src/site/model.js';
import { catalogOf, fixtureSource } from './helpers.js';

describe('entries per year', () => {
  const counts = yearCounts(siteModel([catalogOf(fixtureSource())]).sections);

  it('counts every year from the first to the last, gaps included, per section', () => {
    expect(counts.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(counts.bySection).toEqual([
      { heading: 'Pipeline planners', counts: [1, 1, 0, 1, 1, 0, 0] },
      { heading: 'Tensor planners', counts: [0, 0, 0, 0, 1, 1, 1] },
    ]);
    expect(counts.undated).toBe(0);
  });

  it('says how many entries it leaves out for having no year', () => {
    const undated = yearCounts(siteModel([catalogOf(fixtureSource().replace('| 2024 |', '| |').replace('| 2023 |', '| |'))]).sections);
    expect(undated.undated).toBe(2);
    expect(yearChartSvg(undated, 'chart')).toContain('5 entries from 2018 to 2022; the most, 2, in 2022. 2 entries have no year and are not counted.');
  });

  it('draws an SVG with a title, a description and one bar piece per section and year with entries', () => {
    const svg = yearChartSvg(counts, 'chart');
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart chart-desc"/u);
    expect(svg).toContain('<title id="chart">Entries per year, by section</title>');
    expect(svg).toContain('<desc id="chart-desc">7 entries from 2018 to 2024; the most, 2, in 2022.');
    expect(svg.match(/<rect data-year/gu)).toHaveLength(7);
    // One bar of the whole catalog behind each year with entries (2018 to 2024 but 2020), for the page to draw the filtered bars against.
    expect(svg.match(/<rect class="whole"/gu)).toHaveLength(6);
  });

  it('gives the numbers as a table, and nothing at all when no entry has a year', () => {
    expect(yearTableHtml(counts)).toContain('<tr><th scope="row">2022</th><td>1</td><td>1</td><td>2</td></tr>');
    expect(yearChartSvg({ years: [], bySection: [], undated: 0 }, 'chart')).toBe('');
    expect(yearTableHtml({ years: [], bySection: [], undated: 0 })).toBe('');
  });
});
