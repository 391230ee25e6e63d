// Values `clair init` writes where only the office knows the answer (TODO texts, the phone +00 0000 0000, the
// e-mail todo@example.org, the country XX). They satisfy the schema so a new office validates at once; this rule
// lists them as warnings, and `--strict` (CI, a build for print) refuses them.
import { PLACEHOLDER } from '../../authoring/clair-facts.js';
import type { DataKey } from '../../schema/index.js';
import type { Segment } from '../paths.js';
import type { Rule } from './rule.js';

function* placeholders(value: unknown, at: Segment[]): Generator<{ at: Segment[]; value: string }> {
  if (typeof value === 'string') {
    if (value.startsWith(`${PLACEHOLDER.textPrefix}:`) || value === PLACEHOLDER.phone || value === PLACEHOLDER.email) yield { at, value };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* placeholders(value[i], [...at, i]);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) yield* placeholders(child, [...at, key]);
  }
}

export const placeholderValues: Rule = {
  id: 'placeholder',
  check({ data, report }) {
    for (const [file, value] of Object.entries(data) as [DataKey, unknown][]) {
      const found = [...placeholders(value, [])];
      if (file === 'office' && data.office?.country === PLACEHOLDER.country) found.push({ at: ['country'], value: PLACEHOLDER.country });
      for (const { at, value: text } of found) {
        report({
          file, at, code: 'placeholder', severity: 'warning',
          message: { en: 'a placeholder written by clair init: replace it with the office’s own value', ja: 'clair init が書いた仮の値です。事務所の実際の値に置き換えてください' },
          found: text,
          expected: { en: 'the real value', ja: '実際の値' },
        });
      }
    }
  },
};
