import { describe, expect, it } from 'vitest';
import { paperIdOf } from '../../src/papers/identifiers.js';

describe('paperIdOf', () => {
  it.each([
    ['https://arxiv.org/abs/1811.06965', 'arxiv:1811.06965'],
    ['https://arxiv.org/abs/1811.06965v5', 'arxiv:1811.06965'],
    ['https://arxiv.org/pdf/2201.12023v3.pdf', 'arxiv:2201.12023'],
    ['https://arxiv.org/pdf/2201.12023', 'arxiv:2201.12023'],
    ['https://arxiv.org/html/2403.00001v1', 'arxiv:2403.00001'],
    ['http://export.arxiv.org/abs/cs/0601001v2', 'arxiv:cs/0601001'],
    ['https://www.arxiv.org/abs/1910.01578', 'arxiv:1910.01578'],
    ['https://doi.org/10.1145/3605573.3605603', 'doi:10.1145/3605573.3605603'],
    ['https://dx.doi.org/10.1109/TPDS.2021.3094364', 'doi:10.1109/tpds.2021.3094364'],
    ['https://dl.acm.org/doi/10.1145/3419111.3421302', 'doi:10.1145/3419111.3421302'],
    ['https://dl.acm.org/doi/pdf/10.1145/3464298.3476132', 'doi:10.1145/3464298.3476132'],
    ['https://dl.acm.org/doi/abs/10.1145/3464298.3476132', 'doi:10.1145/3464298.3476132'],
    ['https://dl.acm.org/doi/full/10.1145/3464298.3476132', 'doi:10.1145/3464298.3476132'],
    ['https://link.springer.com/chapter/10.1007/978-3-030-29400-7_19', 'doi:10.1007/978-3-030-29400-7_19'],
    ['https://link.springer.com/article/10.1007/s11390-021-1234-5', 'doi:10.1007/s11390-021-1234-5'],
    ['https://onlinelibrary.wiley.com/doi/full/10.1002/cpe.6789', 'doi:10.1002/cpe.6789'],
    ['https://doi.org/10.1000%2F182', 'doi:10.1000/182'],
    ['https://openreview.net/forum?id=Hkc-TeZ0W', 'openreview:Hkc-TeZ0W'],
    ['https://openreview.net/pdf?id=rkxDoJBYPB', 'openreview:rkxDoJBYPB'],
  ])('%s → %s', (url, key) => {
    expect(paperIdOf(url)?.key).toBe(key);
  });

  it.each([
    'https://github.com/tensorflow/lingvo',
    'https://ieeexplore.ieee.org/document/9472938',
    'https://www.usenix.org/conference/atc21/presentation/eliad',
    'https://openreview.net/group?id=ICLR.cc/2018',
    'https://openreview.net/forum',
    'https://doi.org/',
    'https://doi.org/11.1145/1',
    'https://example.org/doi/not-a-doi',
    'https://arxiv.org/list/cs.DC/recent',
    'mailto:someone@example.org',
  ])('%s names no paper', (url) => {
    expect(paperIdOf(url)).toBeNull();
  });
});
