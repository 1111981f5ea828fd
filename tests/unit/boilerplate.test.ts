import { describe, expect, it } from 'vitest';
import { BOILERPLATE_DATA, detectBoilerplate } from '../../lib/detectors/boilerplate';
import { tokenize } from '../../lib/tokenize';

const run = (text: string, url?: string) => detectBoilerplate({ text, tokens: tokenize(text), language: 'eng', url });
const rules = (text: string, url?: string) => run(text, url).findings.map((f) => f.rule);

const PARAGRAPH = 'The council approved the new budget on Tuesday after a long debate about road repairs and school funding.';

describe('boilerplate signal: scraper footers', () => {
  const footer =
    `${PARAGRAPH}\n` +
    'Source link : https://example.org/2025/03/16/council-budget/\n' +
    'Creator : Ava Thompson\n' +
    'Publish date : 2025-03-16 03:15:00\n' +
    'Copyright for syndicated content material belongs to the linked Source.\n';

  it('finds each line of the feed-importer footer, with exact offsets and the source address', () => {
    const r = run(footer);
    expect(r.findings.map((f) => [f.rule, f.actual])).toEqual([
      ['boilerplate/source-link', 'Source link : https://example.org/2025/03/16/council-budget/'],
      ['boilerplate/feed-creator', 'Creator : Ava Thompson'],
      ['boilerplate/feed-publish-date', 'Publish date : 2025-03-16 03:15:00'],
      ['boilerplate/syndicated-copyright', 'Copyright for syndicated content material belongs to the linked Source.'],
    ]);
    for (const f of r.findings) {
      expect(footer.slice(f.start, f.end)).toBe(f.actual);
      expect(f.signal).toBe('boilerplate');
    }
    expect(r.findings[0]!.start).toBe(PARAGRAPH.length + 1);
    expect(r.findings[0]!.url).toBe('https://example.org/2025/03/16/council-budget/');
    expect(r.sourceUrl).toBe('https://example.org/2025/03/16/council-budget/');
  });

  it.each([
    ['Source link', 'boilerplate/source-link'],
    ['Supply hyperlink', 'boilerplate/source-link'],
    ['Copyright for syndicated content belongs to the linked Supply.', 'boilerplate/syndicated-copyright'],
    ['The post Council passes budget appeared first on City Times.', 'boilerplate/appeared-first'],
    ['The submit Council passes budget seemed first on City Times.', 'boilerplate/appeared-first'],
    ['This post was originally published on this site', 'boilerplate/originally-on-this-site'],
    ['This submit was initially printed on this web site.', 'boilerplate/originally-on-this-site'],
    ['[ad_1]', 'boilerplate/ad-placeholder'],
    ['Powered by WPeMatico', 'boilerplate/autoblog-plugin'],
    ['City Times 1679651759_551234e7c681212a3651a2a90a4c874710cbb30e Council passes budget', 'boilerplate/autoblog-image-name'],
    ['view original post', 'boilerplate/view-original'],
    ['[caption id="attachment_7" align="alignnone" width="640"]', 'boilerplate/raw-shortcode'],
    ['This story is auto-aggregated by a computer program and has not been edited by us.', 'boilerplate/syndicated-feed-note'],
    ['(Except for the headline, this story has not been edited by City Times staff and is published from a syndicated feed.)', 'boilerplate/syndicated-feed-note'],
    ['Sources: theguardian.com: 9 | apnews.com: 4 | npr.org: 2', 'boilerplate/aggregator-source-tally'],
  ])('finds %j', (line, rule) => {
    const text = `${PARAGRAPH}\n\n${line}\n`;
    const r = run(text, 'https://copies.example/budget');
    expect(r.findings.map((f) => f.rule)).toEqual([rule]);
    const f = r.findings[0]!;
    expect(text.slice(f.start, f.end)).toBe(f.actual);
  });

  it('scores one unmistakable footer as syndicated and counts a repeated line once', () => {
    expect(run(`${PARAGRAPH}\n[ad_1]\n`).score).toBeGreaterThanOrEqual(60);
    const twice = run(`[ad_1]\n${PARAGRAPH}\n[ad_1]\n`);
    expect(twice.findings).toHaveLength(2);
    expect(twice.score).toBe(run(`${PARAGRAPH}\n[ad_1]\n`).score);
  });

  it('reads lines with indentation and Windows line ends', () => {
    const text = `${PARAGRAPH}\r\n   Source link\r\n`;
    const f = run(text).findings[0]!;
    expect(f.actual).toBe('Source link');
    expect(text.slice(f.start, f.end)).toBe('Source link');
  });
});

describe('boilerplate signal: credits to other outlets', () => {
  it('counts "Read more on <outlet>" when the outlet is not the page’s own site, enough for suspicious', () => {
    const r = run(`${PARAGRAPH}\nRead more on Benzinga`, 'https://aggregator.example/benzinga/x');
    expect(r.findings.map((f) => [f.rule, f.actual])).toEqual([['boilerplate/read-more-elsewhere', 'Read more on Benzinga']]);
    expect(r.score).toBeGreaterThanOrEqual(30);
    expect(r.score).toBeLessThan(60);
  });

  it('counts a repost’s "This article was originally published on <outlet>" enough for suspicious, and nothing on that outlet’s own site', () => {
    const line = 'This article was originally published on U.Today';
    const r = run(`${PARAGRAPH}\n${line}`, 'https://crypto-digest.example/news/ripple');
    expect(r.findings.map((f) => [f.rule, f.actual])).toEqual([['boilerplate/originally-published-on-outlet', line]]);
    expect(r.score).toBeGreaterThanOrEqual(30);
    expect(rules(`${PARAGRAPH}\n${line}`, 'https://u.today/ripple')).toEqual([]);
  });

  it('says nothing when the outlet is the page’s own site', () => {
    expect(rules(`${PARAGRAPH}\nRead more on Benzinga`, 'https://www.benzinga.com/markets/x')).toEqual([]);
    expect(rules(`${PARAGRAPH}\nRead more at Rappler.com`, 'https://www.rappler.com/technology/x')).toEqual([]);
    expect(rules('The post Council passes budget appeared first on City Times.', 'https://www.citytimes.example/feed')).toEqual([]);
    expect(rules(`${PARAGRAPH}\nRead more at FT.com`, 'https://www.ft.com/content/x')).toEqual([]);
  });

  it('counts the credit at half weight when the page’s address is unknown', () => {
    const known = run(`${PARAGRAPH}\nRead more on Benzinga`, 'https://aggregator.example/x').findings[0]!;
    const unknown = run(`${PARAGRAPH}\nRead more on Benzinga`).findings[0]!;
    expect(unknown.weight).toBeCloseTo(known.weight * BOILERPLATE_DATA.unknownSiteFactor);
  });

  it('ignores "read more on" followed by ordinary words rather than an outlet', () => {
    expect(rules(`${PARAGRAPH}\nRead more on how to fix a flat tyre.`, 'https://x.example/a')).toEqual([]);
  });

  it('takes the source address from a "Read more at: URL" credit', () => {
    const r = run(`${PARAGRAPH}\nRead more at: https://news.example.com/story/1`, 'https://copies.example/a');
    expect(r.findings[0]?.url).toBe('https://news.example.com/story/1');
    expect(r.sourceUrl).toBe('https://news.example.com/story/1');
    expect(run(`${PARAGRAPH}\nRead more: https://news.example.com/story/2`, 'https://copies.example/a').sourceUrl).toBe('https://news.example.com/story/2');
    expect(rules(`${PARAGRAPH}\nRead more: Minister Defends Budget Plans`, 'https://copies.example/a')).toEqual([]);
  });

  it('counts a "Read More" line after a paragraph cut off with an ellipsis', () => {
    const text = 'We look at where the price may head in the near future….\nRead More: Where the Price Heads Next';
    expect(rules(text)).toEqual(['boilerplate/read-more-after-excerpt']);
    expect(rules('Officials said the plan would cost more than expected [...]\nClick here to read more')).toEqual([
      'boilerplate/excerpt-more-marker',
      'boilerplate/read-more-after-excerpt',
    ]);
    expect(rules('The minister spoke for an hour.\nREAD MORE: Minister defends budget plans')).toEqual([]);
  });

  it.each([
    ['Read at The Atlantic', undefined],
    ['Read more at Decrypt: Ether slides as traders take profits', undefined],
    ['via Sky News | World News https://news.example.com/story/123', 'https://news.example.com/story/123'],
    ['Via: theblock.co', undefined],
  ])('counts the repost credit %j', (line, sourceUrl) => {
    const r = run(`${PARAGRAPH}\n${line}`, 'https://copies.example/a');
    expect(r.findings.map((f) => [f.rule, f.actual])).toEqual([['boilerplate/read-more-elsewhere', line]]);
    expect(r.sourceUrl).toBe(sourceUrl);
  });

  it('says nothing of a credit whose link goes to the page’s own site, whatever name it shows', () => {
    expect(rules(`${PARAGRAPH}\nRead more: https://www.example.com/news/3`, 'https://www.example.com/news/1')).toEqual([]);
    expect(rules(`${PARAGRAPH}\nvia Example Daily https://www.example.com/news/3`, 'https://example.com/news/1')).toEqual([]);
  });

  it('knows a three-letter site as the page’s own (www.cnn.com is CNN)', () => {
    expect(rules(`${PARAGRAPH}\nRead more at CNN`, 'https://www.cnn.com/2024/05/01/politics/x')).toEqual([]);
    expect(rules(`${PARAGRAPH}\nSource: bls.gov`, 'https://www.bls.gov/news.release/empsit.htm')).toEqual([]);
    expect(rules(`${PARAGRAPH}\nRead more at CNN`, 'https://copies.example/a')).toEqual(['boilerplate/read-more-elsewhere']);
  });

  it('reads an article directory credit', () => {
    const r = run(`${PARAGRAPH}\nArticle Source: http://EzineArticles.com/expert/Jane_Doe/12345`);
    expect(r.findings.map((f) => f.rule)).toEqual(['boilerplate/original-source-url']);
    expect(r.sourceUrl).toBe('http://ezinearticles.com/expert/Jane_Doe/12345');
  });
});

describe('boilerplate signal: honest pages', () => {
  it('counts a licensed republication credit as corroboration only, below suspicious', () => {
    const r = run(`${PARAGRAPH}\nThis story was originally published by ProPublica.\n`, 'https://www.local-paper.example/news/7');
    expect(r.findings.map((f) => f.rule)).toEqual(['boilerplate/originally-published-elsewhere']);
    expect(r.score).toBeLessThan(30);
  });

  it.each([
    ['© Copyright 2004 by the Wyoming Department of Employment, Research & Planning', 'http://doe.state.wy.us/LMI/a.htm'],
    ['WASHINGTON (AP) — The Senate passed the bill on Friday.', 'https://www.local-paper.example/news/1'],
    ['Stocks fell 2 percent in early trade. (AFP)', 'https://news.rthk.hk/rthk/en/1.htm'],
    ['Source: Reuters', 'https://www.local-paper.example/news/2'],
    ['Image source: Getty Images.', 'https://www.fool.com/investing/x'],
    ['The reference to the Press Service is mandatory if you intend to use this material.', 'http://www.cbr.ru/eng/press/PR/'],
    ['As usual, tune in here for coverage of the event. – Rappler.com', 'https://www.rappler.com/technology/x'],
    ['All articles, images, product names, logos, and brands are property of their respective owners.', 'https://aedanobrien.com/faq/'],
    ['Copyright 2022 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.', 'https://www.local-paper.example/news/3'],
    ['You can read more about the most recent changes in the handbook.', 'https://q1medicare.com/faq/'],
    ['This article is republished from The Conversation under a Creative Commons license. Read the original article.', 'https://www.paper.example/a'],
    ['LONDON (Reuters) - Shares in Europe rose on Monday.', 'https://www.local-paper.example/news/4'],
    ['Sign up for our newsletter to get the day’s top stories in your inbox.', 'https://www.local-paper.example/news/5'],
    ['Read more: https://www.local-paper.example/news/6', 'https://www.local-paper.example/news/5'],
  ])('does not flag %j', (line, url) => {
    const r = run(`${PARAGRAPH}\n${line}\n`, url);
    expect(r.findings).toEqual([]);
    expect(r.score).toBe(0);
    expect(r.sourceUrl).toBeUndefined();
  });
});

describe('boilerplate signal: honest documentation', () => {
  it('does not take "etc…" for an excerpt cut off mid-way: "Read more in the User Guide" under an API summary is the manual’s own link', () => {
    const text = 'Compute the paired distances between X and Y.\nCompute the distances between (X[0], Y[0]), (X[1], Y[1]), etc…\nRead more in the User Guide.\nParameters:';
    expect(rules(text, 'https://docs-mirror.example/api/paired_distances.html')).toEqual([]);
    expect(rules(text.replace('etc…', 'and the rest of the pairs…'), 'https://docs-mirror.example/a')).toEqual(['boilerplate/read-more-after-excerpt']);
  });
});

describe('boilerplate signal: machine-made articles', () => {
  it.each([
    ['Tensions rose after [Country A] accused its neighbour of violating the treaty.', 'boilerplate/template-placeholder'],
    ['The minister cited [specific incident or example] as proof.', 'boilerplate/template-placeholder'],
    ['Posted in {{category}} by {{ author_name }}', 'boilerplate/template-placeholder'],
    ['As an AI language model, I do not have personal opinions on the election.', 'boilerplate/chatbot-leftover'],
    ['Certainly! Here is a 500-word article about the housing market:', 'boilerplate/chatbot-leftover'],
  ])('finds %j, weak evidence alone', (line, rule) => {
    const r = run(`${PARAGRAPH}\n${line}\n`, 'https://copies.example/a');
    expect(r.findings.map((f) => f.rule)).toEqual([rule]);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThan(30);
  });

  it('makes a generated page that shows both a placeholder and a chatbot reply suspicious', () => {
    const r = run(`Certainly! Here is an article on the border dispute:\n${PARAGRAPH}\nTensions rose after [Country A] closed the crossing.`, 'https://copies.example/a');
    expect(r.score).toBeGreaterThanOrEqual(30);
  });

  it.each([
    '“As an AI language model, I cannot predict prices,” the chatbot replied.',
    'Regardless, it’s always a reply to “Dan’s banned from [insert country]”, which is a common phrase.',
    'He said [the company] would appeal the ruling.',
    'I hope this article helps you choose a mortgage.',
  ])('leaves %j alone', (line) => {
    expect(rules(`${PARAGRAPH}\n${line}\n`, 'https://www.local-paper.example/a')).toEqual([]);
  });
});

describe('boilerplate signal: source addresses', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://files.example/a', 'https://'])(
    'never gives %j as the source address',
    (address) => {
      const r = run(`${PARAGRAPH}\nSource link : ${address}\nRead more at: ${address}\nOriginal article: ${address}`, 'https://copies.example/a');
      expect(r.sourceUrl).toBeUndefined();
      for (const f of r.findings) expect(f.url).toBeUndefined();
    },
  );

  it('drops punctuation that ends the sentence around an address', () => {
    expect(run('Source link : https://example.org/a/b.').sourceUrl).toBe('https://example.org/a/b');
  });
});

describe('boilerplate signal: hostile input', () => {
  // The signal reads lines, not tokens: skip tokenising megabytes it does not use.
  const noTokens = tokenize('');
  const check = (text: string) => {
    const r = detectBoilerplate({ text, tokens: noTokens, language: 'und', url: 'https://copies.example/a' });
    expect(r.findings.length).toBeLessThanOrEqual(BOILERPLATE_DATA.maxFindings);
    for (const f of r.findings) expect(text.slice(f.start, f.end)).toBe(f.actual);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    return r;
  };

  it('handles empty text and whitespace', () => {
    expect(check('').score).toBe(0);
    expect(check('\n\n \r\n\t').findings).toEqual([]);
  });

  it('skips a 1 MB line', () => {
    const r = check('Source link ' + 'a'.repeat(1 << 20));
    expect(r.stats.longLinesSkipped).toBe(1);
  });

  it('completes on 20 MB of footer lines, keeping a bounded number of findings', () => {
    const r = check('Read more at The Post\n[ad_1]\nSource link\n'.repeat(Math.ceil((20 << 20) / 40)));
    expect(r.findings).toHaveLength(BOILERPLATE_DATA.maxFindings);
    expect(r.stats.matches).toBeGreaterThan(BOILERPLATE_DATA.maxFindings);
  });

  it('completes on lines built to make the patterns backtrack', () => {
    const max = BOILERPLATE_DATA.maxLineLength;
    const lines = [
      'The post ' + ' appeared first on x'.repeat(40),
      'x. the post '.repeat(60),
      'Copyright for syndicated content '.repeat(20),
      'Read more at ' + 'A '.repeat(300),
      'Source link :' + ' '.repeat(max - 14) + '!',
      '1234567890_' + 'a'.repeat(max - 12) + 'g',
      '…'.repeat(max) + '\nRead more ' + 'x'.repeat(max - 11),
      '[' + '…'.repeat(max - 2) + ']',
    ].map((l) => l.slice(0, max * 2));
    check(lines.join('\n').repeat(500));
  });

  it('completes on binary garbage and mixed scripts', () => {
    let garbage = '';
    for (let i = 0; i < 1 << 18; i++) garbage += String.fromCharCode((i * 7919) % 65536);
    check(garbage);
    check('Source link : https://пример.рф/новость\n来源链接\n[ad_1]\nمصدر الخبر\n'.repeat(1000));
  });
});
