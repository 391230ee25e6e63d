// "Numbers at a glance": bar charts of the office's main yearly metrics (filled by the metrics registry).
import type { SectionDefinition } from '../kit.js';

export const atAGlance: SectionDefinition = {
  id: 'at-a-glance',
  numbered: false,
  // Wired to src/metrics once the registry lands; until then the brochure leaves this page out.
  build: () => undefined,
};
