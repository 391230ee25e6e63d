// The printed look of the brochure: page size, type sizes and colours. One place, so a designer can restyle the
// PDF without reading layout code.
export const PAGE = {
  size: 'A4' as const,
  /** left, top, right, bottom in points. */
  margins: [48, 54, 48, 56] as [number, number, number, number],
};

export const COLOURS = {
  brand: '#0f4c81',
  brandDark: '#0a3458',
  accent: '#d9822b',
  text: '#1f2328',
  muted: '#57606a',
  secondaryText: '#2f6f8f',
  rule: '#c9d3dd',
  tableHeader: '#e8eff6',
  tableStripe: '#f6f8fa',
  groupRow: '#f1f4f8',
  callout: '#fff4e5',
  noteText: '#4a5560',
  photo: '#eef2f6',
};

export const SIZES = {
  body: 9.5,
  small: 8,
  secondaryRatio: 0.88,
  heading: 11.5,
  sectionTitle: 16,
  partTitle: 20,
  coverTitle: 40,
  lineHeight: 1.45,
};
