import type { Severity } from '../catalog/diagnostic.js';

/**
 * The rules `catalog papers` checks against the registries (src/papers/facts.ts). They run
 * outside `lint` (they need the network or its cache), but a suppression comment may name
 * them, and SARIF describes them.
 */
export const PAPER_RULES: readonly { id: string; severity: Severity; description: string }[] = [
  { id: 'paper-exists', severity: 'error', description: 'The registry (arXiv, doi.org, OpenReview) knows the linked paper identifier' },
  { id: 'paper-year', severity: 'error', description: 'Year is not later than the first version of a linked paper, nor earlier than all of them' },
  { id: 'paper-label', severity: 'warning', description: "A paper link's label names the year and the venue the registry gives" },
  { id: 'paper-identity', severity: 'warning', description: "The linked paper's title, abstract or authors name the entry" },
  { id: 'paper-withdrawn', severity: 'warning', description: 'The linked arXiv paper is not withdrawn' },
];
