import { describe, expect, it } from 'vitest';
import { contextScore } from '../../lib/spun/statistic';
import { calibrate, FLAGGED_SHARE, type PageCount } from '../../scripts/spun-model/calibrate';

/** What the spun signal scores a page, as the report shows it: contextual and lexicon parts combined, to one decimal. */
const reportedScore = (context: number, lexicon: number) => Math.round(1000 * (1 - (1 - context / 100) * (1 - lexicon / 100))) / 10;

/** A corpus of 400-word pages: most near clean English's rate, a tail of odder ones, some with lexicon hits. */
function corpus(): PageCount[] {
  const pages: PageCount[] = [];
  for (let i = 0; i < 1000; i++) {
    const judged = 200 + (i % 60);
    const outOfPlace = 8 + (i % 7) + (i % 97 === 0 ? 14 + (i % 5) : 0);
    pages.push({ judged, outOfPlace, lexiconScore: i % 13 === 0 ? 5 + (i % 20) : 0 });
  }
  return pages;
}

describe('the spun calibration', () => {
  it('keeps the pages the spun signal flags, lexicon included and as the report rounds them, within the share on every corpus', () => {
    const pages = corpus();
    const { calibration, cleanPages } = calibrate({ synthetic: pages });
    const flagged = pages.filter((p) => p.judged >= calibration.minJudged && reportedScore(contextScore(p.outOfPlace, p.judged, calibration), p.lexiconScore) >= 30).length;
    expect(flagged).toBeLessThanOrEqual(Math.floor(FLAGGED_SHARE * pages.length));
    expect(cleanPages[0]!.flagged).toBe(flagged);
  });

  it('sets a higher threshold when a page just below it also has lexicon hits', () => {
    const odd: PageCount = { judged: 250, outOfPlace: 30, lexiconScore: 0 };
    const lessOdd: PageCount = { judged: 250, outOfPlace: 27, lexiconScore: 0 };
    const calm = Array.from({ length: 996 }, (_, i): PageCount => ({ judged: 250, outOfPlace: 12 + (i % 8), lexiconScore: 0 }));
    const alone = calibrate({ c: [...calm, odd, odd, odd, lessOdd] }).calibration.zSuspicious;
    const withHits = calibrate({ c: [...calm, odd, odd, odd, { ...lessOdd, lexiconScore: 20 }] }).calibration.zSuspicious;
    expect(withHits).toBeGreaterThan(alone);
  });
});
