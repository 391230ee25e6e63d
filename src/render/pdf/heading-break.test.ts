// The page-break check that keeps a heading off the foot of a page when the structure alone could not (a heading
// before a long table or paragraph): given pdfmake's view of the laid-out nodes, it asks for a break only before a
// heading group that nothing of the body follows on its page.
import { describe, expect, it } from 'vitest';
import { headingBreak } from './index.js';
import { keptHeading } from './blocks.js';
import { pdfStyle } from './style.js';
import { loadTheme } from '../theme.js';
import { World } from '../../world.js';
import { SHIPPED_DATA } from '../../build/__fixtures__/offices.js';

const style = pdfStyle(loadTheme(new World({ dataRoot: SHIPPED_DATA })));
const check = headingBreak(style);
const bodyBottom = style.page.height - style.page.margins[3];
const at = (top: number, headlineLevel?: number) => ({ startPosition: { top, pageNumber: 3 }, ...(headlineLevel ? { headlineLevel } : {}) });
const context = (previous: ReturnType<typeof at>[], following: ReturnType<typeof at>[]) => ({
  getPreviousNodesOnPage: () => previous,
  getFollowingNodesOnPage: () => following,
});

describe('the heading page-break check', () => {
  const heading = at(bodyBottom - 30, 1);
  const body = at(200);

  it('moves a heading group that ends its page (only the footer follows) to the next page', () => {
    expect(check(heading, context([body], [at(bodyBottom - 20, 1), at(bodyBottom + 20)]))).toBe(true);
  });

  it('leaves a heading that body text follows on its page', () => {
    expect(check(heading, context([body], [at(bodyBottom - 20, 1), at(bodyBottom - 10)]))).toBe(false);
  });

  it('leaves a heading already at the head of its page, where a break would only add a blank page', () => {
    expect(check(at(style.page.margins[1], 1), context([], []))).toBe(false);
  });

  it('asks only the outermost node of the group, not each of its lines', () => {
    expect(check(at(bodyBottom - 20, 1), context([body, heading], []))).toBe(false);
  });

  it('ignores nodes that are not headings', () => {
    expect(check(at(bodyBottom - 30), context([body], []))).toBe(false);
  });
});

describe('a heading group', () => {
  it('is one unbreakable stack whose every node carries the mark the check reads', () => {
    const group = keptHeading([{ text: 'II' }, { stack: [{ text: 'JET' }, { columns: [{ text: 'a' }, { text: 'b' }] }] }]);
    expect(group).toMatchObject({ unbreakable: true, headlineLevel: 1 });
    const marks: unknown[] = [];
    const walk = (node: Record<string, unknown>) => {
      marks.push(node.headlineLevel);
      for (const key of ['stack', 'columns']) if (Array.isArray(node[key])) (node[key] as Record<string, unknown>[]).forEach(walk);
    };
    walk(group);
    expect(marks.length).toBe(7);
    expect(marks.every((m) => m === 1)).toBe(true);
  });
});
