import { describe, expect, it } from 'vitest';
import { arxivId, canonicalUrl, githubRepository, sameUrl } from '../../src/rules/url-identity.js';

describe('canonicalUrl', () => {
  it.each([
    ['http and https', 'http://example.org/paper', 'https://example.org/paper'],
    ['www.', 'https://www.example.org/paper', 'https://example.org/paper'],
    ['a trailing slash', 'https://example.org/paper/', 'https://example.org/paper'],
    ['the host case', 'https://Example.ORG/paper', 'https://example.org/paper'],
    ['a fragment', 'https://dl.acm.org/doi/10.1145/3458817.3476145#sec-1', 'https://dl.acm.org/doi/10.1145/3458817.3476145'],
    ['two anchors of one page', 'https://example.org/list#a', 'https://example.org/list/#b'],
    ['arXiv abs and pdf', 'https://arxiv.org/abs/2007.01045', 'https://arxiv.org/pdf/2007.01045'],
    ['arXiv .pdf', 'https://arxiv.org/pdf/2007.01045.pdf', 'https://arxiv.org/abs/2007.01045'],
    ['arXiv versions', 'https://arxiv.org/abs/2007.01045v3', 'https://arxiv.org/pdf/2007.01045v1.pdf'],
    ['export.arxiv.org', 'http://export.arxiv.org/abs/2007.01045', 'https://arxiv.org/abs/2007.01045'],
    ['old-style arXiv ids', 'https://arxiv.org/pdf/cs/0112017v2.pdf', 'https://arxiv.org/abs/cs/0112017'],
    ['GitHub owner and repo case', 'https://github.com/FlexFlow/FlexFlow', 'https://github.com/flexflow/flexflow'],
    ['GitHub /tree/<branch>', 'https://github.com/nict-wisdom/rannc/tree/main', 'https://github.com/nict-wisdom/rannc'],
    ['GitHub /blob/<branch>', 'https://github.com/nict-wisdom/rannc/blob/master/', 'https://github.com/nict-wisdom/rannc'],
    ['GitHub .git', 'https://github.com/alpa-projects/alpa.git', 'https://github.com/alpa-projects/alpa'],
    ['doi.org hosts and DOI case', 'https://dx.doi.org/10.1145/ABC', 'https://doi.org/10.1145/abc'],
    ['an ACM PDF and its landing page', 'https://dl.acm.org/doi/pdf/10.1145/3458817.3476145', 'https://dl.acm.org/doi/10.1145/3458817.3476145'],
    ['an ACM abstract page and its DOI', 'https://dl.acm.org/doi/abs/10.1145/3600006.3613152', 'https://doi.org/10.1145/3600006.3613152'],
  ])('treats %s as one page', (_, a, b) => {
    expect(canonicalUrl(a)).toBe(canonicalUrl(b));
    expect(sameUrl(a, b)).toBe(true);
  });

  it.each([
    ['two arXiv papers', 'https://arxiv.org/abs/2007.01045', 'https://arxiv.org/abs/2007.01046'],
    ['two paths', 'https://example.org/a', 'https://example.org/b'],
    ['path case outside GitHub', 'https://example.org/Paper', 'https://example.org/paper'],
    ['two queries', 'https://example.org/?id=1', 'https://example.org/?id=2'],
    ['a folder and the repository root', 'https://github.com/mindspore-ai/mindspore/tree/master/mindspore', 'https://github.com/mindspore-ai/mindspore'],
    ['two ports', 'https://example.org:8443/a', 'https://example.org/a'],
    ['two ACM DOIs', 'https://dl.acm.org/doi/pdf/10.1145/3458817.3476145', 'https://dl.acm.org/doi/10.1145/3458817.3476146'],
    ['an ACM page that is not a DOI', 'https://dl.acm.org/conference/sosp', 'https://doi.org/conference/sosp'],
  ])('keeps %s apart', (_, a, b) => {
    expect(sameUrl(a, b)).toBe(false);
  });

  it('gives the arXiv identity a readable form', () => {
    expect(canonicalUrl('https://arxiv.org/pdf/2007.01045v2.pdf')).toBe('arxiv.org/abs/2007.01045');
  });

  it('leaves strings that are not http(s) URLs as they are', () => {
    expect(canonicalUrl(' arxiv.org/abs/1 ')).toBe('arxiv.org/abs/1');
    expect(canonicalUrl('mailto:a@example.org')).toBe('mailto:a@example.org');
  });
});

describe('arxivId', () => {
  it('reads the identifier without version', () => {
    expect(arxivId('https://arxiv.org/abs/1811.06965v5')).toBe('1811.06965');
    expect(arxivId('https://arxiv.org/html/2401.00001v1')).toBe('2401.00001');
    expect(arxivId('https://arxiv.org/list/cs.DC/recent')).toBeNull();
    expect(arxivId('https://example.org/abs/1811.06965')).toBeNull();
  });
});

describe('githubRepository', () => {
  it('names the repository of any URL into it, in lower case', () => {
    expect(githubRepository('https://github.com/mindspore-ai/mindspore/tree/master/mindspore/ccsrc')).toBe('mindspore-ai/mindspore');
    expect(githubRepository('http://www.github.com/FlexFlow/FlexFlow')).toBe('flexflow/flexflow');
  });

  it('is null outside repositories', () => {
    expect(githubRepository('https://github.com/flexflow')).toBeNull();
    expect(githubRepository('https://github.com/topics/parallelism')).toBeNull();
    expect(githubRepository('https://gitlab.com/a/b')).toBeNull();
    expect(githubRepository('not a url')).toBeNull();
  });
});
