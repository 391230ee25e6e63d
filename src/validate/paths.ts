// Addresses inside a data file: JSON Pointer segments (what ajv reports and what locate() follows) and the dotted
// label shown to people (staff.roles[2].count).

export type Segment = string | number;

/** Segments of a JSON Pointer ("/staff/roles/0" → ["staff", "roles", 0]); digits become list indices. */
export function segmentsOf(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

export function pointerOf(segments: readonly Segment[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** How a place in a file is named in messages: staff.roles[2].count, or '' for the whole file. */
export function fieldLabel(segments: readonly Segment[]): string {
  let label = '';
  for (const segment of segments) {
    if (typeof segment === 'number') label += `[${segment}]`;
    else label += label === '' ? segment : `.${segment}`;
  }
  return label;
}
