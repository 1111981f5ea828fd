/**
 * Pages that show program code: identifiers glue their parts like flattened table cells, and
 * template syntax reads like an unfilled placeholder. Neither is evidence on such a page.
 */
import { describe, expect, it } from 'vitest';
import { showsCode } from '../../lib/code';
import { analyze } from '../../lib/index';
import { seeds } from '../../corpora';

const RELEASE_NOTES = [
  'Django 3.0.3 release notes',
  'Fixed a regression in QuerySet.prefetch_related() for GenericForeignKey with a custom ContentType foreign key.',
  'Fixed an incorrect DisallowedModelAdminLookup exception when using a nested reverse relation in ModelAdmin.list_filter.',
  'Fixed a crash of setUpTestData() with BinaryField on PostgreSQL, which is memoryview-backed.',
  'RendererMixin, ChoiceFieldRenderer, RadioFieldRenderer, CheckboxFieldRenderer and ChoiceInput are removed.',
  'In a template, write {{ project_name }} where the name of the project goes.',
].join('\n');

describe('a page that shows code', () => {
  it('is told from prose by its identifiers', () => {
    expect(showsCode(RELEASE_NOTES)).toBe(true);
    expect(showsCode(seeds()[0]!.text)).toBe(false);
    expect(showsCode('The council met on Tuesday. It approved the budget (after a long debate).')).toBe(false);
  });

  it('has no glued table cells in its PascalCase names, nor an unfilled template in its {{ variables }}', () => {
    const { signals } = analyze(RELEASE_NOTES, {}, { url: 'https://docs.example/releases/3.0.3.html' });
    expect(signals.tables.findings.filter((f) => f.rule === 'tables/glued-cells')).toEqual([]);
    expect(signals.boilerplate.findings).toEqual([]);
  });

  it('still counts both on a news page', () => {
    const news = 'Tensions rose after the talks.\nIn the statement, {{ author_name }} said the vote would go ahead.';
    expect(analyze(news, {}, { url: 'https://news.example/a' }).signals.boilerplate.findings.map((f) => f.rule)).toEqual(['boilerplate/template-placeholder']);
    expect(analyze(seeds()[0]!.text).signals.tables.findings.some((f) => f.rule === 'tables/glued-cells')).toBe(true);
  });

  it('keeps one identifier in prose from making a glued row: a region spans two glued words at least', () => {
    const prose = 'The release fixed an incorrect DisallowedModelAdminLookup exception when a filter used a nested relation.';
    expect(showsCode(prose)).toBe(false);
    expect(analyze(prose).signals.tables.findings).toEqual([]);
  });

  it('does not read a module path after "via" as a site credited', () => {
    const text = 'In this example the dialect is called FooDialect, and its module is accessed\nvia foodialect.dialect.\nThe engine loads it on first use.';
    expect(analyze(text, {}, { url: 'https://docs.example/core/connections.html' }).signals.boilerplate.findings).toEqual([]);
    expect(analyze('The story first ran elsewhere.\nvia example.co.uk', {}, { url: 'https://copies.example/a' }).signals.boilerplate.findings.map((f) => f.rule)).toEqual(['boilerplate/read-more-elsewhere']);
  });
});
