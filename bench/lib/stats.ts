/** Percentiles and a plain-text table: the little arithmetic the benchmarks share. */

/** Nearest-rank percentile of unsorted samples; null for none. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function round(value: number | null, digits = 1): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Duet / baseline, or null when either is missing or the baseline is zero. */
export function ratio(duet: number | null | undefined, baseline: number | null | undefined): number | null {
  if (duet == null || baseline == null || baseline === 0) return null;
  return duet / baseline;
}

/** A number for a table cell: more decimals for small values, "–" for none. */
export function cell(value: number | null | undefined, digits?: number): string {
  if (value == null || !Number.isFinite(value)) return '–';
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toFixed(d);
}

/** Columns padded to their widest cell; the first `leftColumns` columns left-aligned, the rest right-aligned. */
export function formatTable(rows: string[][], leftColumns = 1): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((text, i) => (widths[i] = Math.max(widths[i] ?? 0, text.length)));
  return rows
    .map((row) =>
      row
        .map((text, i) => (i < leftColumns ? text.padEnd(widths[i]!) : text.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
