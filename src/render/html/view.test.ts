import { describe, expect, it } from 'vitest';
import type { BrochureDocument, TableBlock, Txt } from '../../document/blocks.js';
import { World } from '../../world.js';
import { columnPercents, pageView, type TableView } from './view.js';

const ja = (text: string): Txt => ({ primary: [{ text, lang: 'ja' }] });

function documentWith(blocks: BrochureDocument['parts'][number]['sections'][number]['blocks']): BrochureDocument {
  return {
    officeId: 'test',
    edition: { id: 'ja', languages: ['ja'], primary: 'ja' },
    labels: { contents: ja('目次'), page: ja('{n}'), continued: ja('（続き）'), languageName: ja('日本語'), notes: ja('メモ') },
    cover: { title: ja('クレアテスト 2026'), organisation: ja('一般財団法人自治体国際化協会'), organisationJapanese: '一般財団法人自治体国際化協会', organisationEnglish: 'CLAIR', office: ja('テスト事務所'), year: 2026 },
    backCover: { linksTitle: ja('ウェブサイト'), links: [], officesTitle: ja('海外事務所'), offices: [] },
    parts: [{ sections: [{ id: 'events', anchor: 'section-events', title: ja('イベント'), blocks }] }],
    meta: { title: 'テスト', author: 'CLAIR', subject: 'テスト', keywords: [], language: 'ja', created: new Date(0) },
  };
}

describe('columnPercents', () => {
  it('turns relative widths into percentages of the whole table', () => {
    expect(columnPercents([{ header: ja('時間'), width: 1.2 }, { header: ja('区分'), width: 1.3 }, { header: ja('内容'), width: 5 }]))
      .toEqual([16, 17.33, 66.67]);
  });
  it('leaves columns without a width to share what the others leave of eight units', () => {
    expect(columnPercents([{ header: ja('年度'), width: 1 }, { header: ja('イベント名') }, { header: ja('日時'), width: 2 }, { header: ja('場所') }]))
      .toEqual([12.5, undefined, 25, undefined]);
  });
  it('lets the browser size a table that gives no widths', () => {
    expect(columnPercents([{ header: ja('ALT') }, { header: ja('CIR') }])).toEqual([undefined, undefined]);
  });
});

describe('pageView tables', () => {
  // The seed's events table: a fiscal-year row header spans the rows of its year.
  const events: TableBlock = {
    kind: 'table', id: 'events-booths', caption: ja('出展実績'),
    columns: [{ header: ja('年度'), align: 'center', width: 1 }, { header: ja('イベント名') }, { header: ja('日時'), align: 'center', width: 2 }],
    rows: [
      { cells: [{ content: [ja('2025')], header: true, rowSpan: 2 }, { content: [ja('トラベルショー 2025')] }, { content: [ja('11月7日～9日')] }] },
      { cells: [{ content: [ja('ソウル国際観光展')] }, { content: [ja('6月5日～8日')] }] },
      { group: true, cells: [{ content: [ja('2024')], header: true }, { content: [ja('まとめ')], colSpan: 2 }] },
    ],
  };
  const view = pageView(documentWith([events, { ...events }]), new World({ dataRoot: '.' }));
  const [first, second] = view.tables as [TableView, TableView];

  it('places cells under their columns, skipping those a row span covers, and takes the column alignment', () => {
    const row2 = first.rows[1]!.cells;
    expect(row2.map((c) => c.column.primary[0]!.text)).toEqual(['イベント名', '日時']);
    expect(row2.map((c) => c.align)).toEqual([undefined, 'center']);
    expect(first.rows[0]!.cells[0]).toMatchObject({ tag: 'th', scope: 'row', rowSpan: 2, align: 'center' });
    expect(first.rows[2]).toMatchObject({ group: true, cells: [{ tag: 'th' }, { tag: 'td', colSpan: 2 }] });
  });

  it('gives every table an id unique in the page', () => {
    expect([first.domId, second.domId]).toEqual(['table-events-booths', 'table-events-booths-2']);
  });
});

describe('pageView lists', () => {
  const list = (...items: string[]) => ({ kind: 'list' as const, marker: 'bullet' as const, items: items.map(ja) });
  const columns = (...lists: ReturnType<typeof list>[]) =>
    pageView(documentWith(lists), new World({ dataRoot: '.' })).parts[0]!.sections[0]!.blocks.map((b) => b.kind === 'list' && b.twoColumns);
  const short = '日韓交流スピーチ大会の開催';

  it('sets four or more short items in two columns, as the PDF does', () => {
    expect(columns(list(short, short, short, short), list(short, short, short))).toEqual([true, false]);
  });

  it('keeps a list in one column when one item is long or carries a web address', () => {
    const long = '韓国の地方自治に関する総合的な政策研究機関である韓国地方行政研究院と共同研究を行っています';
    const linked = { ...list(short, short, short), items: [...list(short, short, short).items, { primary: [{ text: 'clair.or.kr', lang: 'ja', href: 'https://www.clair.or.kr/' }] }] };
    expect(columns(list(short, short, short, long), linked)).toEqual([false, false]);
  });
});

describe('pageView narrow tables', () => {
  const tableOf = (id: string, texts: string[]): TableBlock => ({
    kind: 'table', id, caption: ja('実施状況'),
    columns: [{ header: ja('年度') }, { header: ja('内容') }],
    rows: texts.map((text, i) => ({ cells: [{ content: [ja(String(2024 - i))], header: true }, { content: [ja(text)] }] })),
  });

  it('keeps a table of short columns as narrow as they need, as the PDF does, and lets a table of long texts take the measure', () => {
    const view = pageView(documentWith([
      tableOf('counts', ['216件', '200件']),
      tableOf('events', ['韓国の地方自治に関する総合的な政策研究機関である韓国地方行政研究院との共同研究']),
    ]), new World({ dataRoot: '.' }));
    expect(view.tables.map((t) => [t.id, t.narrow])).toEqual([['counts', true], ['events', false]]);
  });
});
