import { defaultLinksConfig } from '../../src/catalog/load-config.js';
import type { LinksConfig } from '../../src/catalog/config.js';
import type { LinkCheckOptions } from '../../src/links/run.js';
import { runLinkCheck } from '../../src/links/run.js';
import type { CheckedLink, LinkCheckReport } from '../../src/links/types.js';
import { catalogOf } from './loopback-server.js';

/** Short timeouts and pauses: loopback answers in a millisecond. */
export function fastOptions(overrides: Partial<LinkCheckOptions> = {}): Omit<LinkCheckOptions, 'catalogs'> {
  return {
    config: linksConfig(),
    allowPrivate: true,
    cacheFile: null,
    minSpacingMs: 0,
    retryBaseMs: 20,
    confirmDelayMs: 0,
    maxBackoffMs: 2000,
    connectTimeoutMs: 1000,
    headersTimeoutMs: 400,
    urlTimeoutMs: 3000,
    random: () => 0.5,
    ...overrides,
  };
}

export function linksConfig(overrides: Partial<LinksConfig> = {}): LinksConfig {
  return { ...defaultLinksConfig(), ...overrides };
}

/** Checks a list of URLs (as one catalog table). */
export async function checkUrls(urls: readonly string[], overrides: Partial<LinkCheckOptions> = {}): Promise<LinkCheckReport> {
  return runLinkCheck({ catalogs: [catalogOf(urls)], ...fastOptions(overrides) });
}

export function resultOf(report: LinkCheckReport, url: string): CheckedLink['result'] {
  const link = report.links.find((entry) => entry.result.url === url);
  if (!link) throw new Error(`no result for ${url}`);
  return link.result;
}
