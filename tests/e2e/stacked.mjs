// Spans of any length at random over a text of `length` code points, seeded (mulberry32) so
// every run stacks the same ones: each piece of text lies under hundreds of them. Shared by
// the e2e test of a text stacked thousands deep and the import benchmark.
export function stackedSpans(n, length, { seed = 14, idPrefix = 'deep' } = {}) {
  const labels = ['actor', 'claim', 'date'];
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const seen = new Set();
  const out = [];
  while (out.length < n) {
    const a = Math.floor(random() * length);
    const b = Math.floor(random() * length);
    const label = labels[out.length % 3];
    const key = `${label} ${Math.min(a, b)} ${Math.max(a, b)}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    out.push({ id: `${idPrefix}-${out.length + 1}`, label, start: Math.min(a, b), end: Math.max(a, b) });
  }
  return out;
}
