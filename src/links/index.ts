// The link checker's library API: the CLI parses arguments and prints; everything else is here.
export { runLinkCheck, DEFAULT_USER_AGENT, type LinkCheckOptions, type CacheUpdate } from './run.js';
export { linkDiagnostics, linkExitCode, LINK_RULES } from './diagnostics.js';
export { redirectFixes, redirectFixDiagnostics, redirectTargetsOfCache, redirectTargetsOfReport, type RedirectTargets } from './fixes.js';
export { ChangedSinceError } from '../git/text-at-ref.js';
export { loadCache, saveCache, CACHE_FORMAT, CACHE_VERSION, type CacheEntry, type CacheFile } from './cache.js';
export { extractLinks, checkedUrl, type ExtractedLinks } from './extract.js';
export { systemResolver, type NameResolver } from './resolver.js';
export { forbiddenAddressReason } from './address-policy.js';
export { linkReportJson, type LinkJsonEntry, type LinkJsonReport } from '../report/links-json.js';
export { linkReportMarkdown } from '../report/links-markdown.js';
export { progressBar } from '../report/links-progress.js';
export type * from './types.js';
