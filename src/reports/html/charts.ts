import { SEVERITIES } from '../../findings/types.ts';
import type { SeverityCounts } from '../summary.ts';
import { countsText } from '../summary.ts';
import { escapeHtml } from './escape.ts';

/**
 * Horizontal stacked bar charts as inline SVG, drawn here rather than in the browser so they show
 * with scripts off, in a print, and in a headless screenshot. Colours come from CSS classes, so
 * the page's light and dark palettes apply.
 */
export interface ChartRow {
  /** Shown at the left, cut to fit. */
  label: string;
  /** Shown on hover (and to screen readers): the full label. */
  title: string;
  counts: SeverityCounts;
  /** Fragment link that filters the findings table to this bar. */
  href: string;
}

export interface ChartOptions {
  /** Id for aria-labelledby; unique in the page. */
  id: string;
  caption: string;
  /** Rows beyond this are summed into a last "+ N more" line. */
  maxRows?: number;
  /** Draw rows with no findings (status classes), or leave them out (rules, APIs). */
  keepEmpty?: boolean;
}

// Sized for a third of a 1400px page (about 400px), where one viewBox unit is close to one pixel
// and a 31-character rule id fits beside its bar.
const WIDTH = 440;
const LABEL_WIDTH = 222;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 14;
const LABEL_SPACE = LABEL_WIDTH - 12;

export function barChart(rows: readonly ChartRow[], options: ChartOptions): string {
  const maxRows = options.maxRows ?? 12;
  const drawn = rows.filter((row) => options.keepEmpty || total(row.counts) > 0);
  const shown = drawn.slice(0, maxRows);
  const hidden = drawn.length - shown.length;
  const titleId = `${options.id}-title`;
  const clipId = `${options.id}-labels`;
  const height = Math.max(1, shown.length + (hidden > 0 ? 1 : 0)) * ROW_HEIGHT + 8;
  const parts = [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${escapeHtml(titleId)}" preserveAspectRatio="xMinYMin meet">`,
    `<title id="${escapeHtml(titleId)}">${escapeHtml(options.caption)}</title>`,
    // Labels are cut to an estimated width; the clip catches what the estimate misses.
    `<clipPath id="${escapeHtml(clipId)}"><rect x="0" y="0" width="${LABEL_SPACE}" height="${height}"/></clipPath>`,
  ];
  if (shown.length === 0) {
    parts.push(`<text class="chart-empty" x="${WIDTH / 2}" y="${ROW_HEIGHT - 6}" text-anchor="middle">No findings</text>`);
  }
  const scale = Math.max(1, ...shown.map((row) => total(row.counts)));
  // Room for the longest count at the end of the longest bar.
  const countWidth = 14 + formatCount(scale).length * 8;
  const barArea = WIDTH - LABEL_WIDTH - countWidth;
  shown.forEach((row, index) => {
    const y = 4 + index * ROW_HEIGHT;
    const barY = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    const sum = total(row.counts);
    parts.push(`<a href="${row.href}" class="chart-row">`);
    parts.push(`<title>${escapeHtml(`${row.title}: ${countsText(row.counts)}`)}</title>`);
    parts.push(`<rect class="chart-hit" x="0" y="${y}" width="${WIDTH}" height="${ROW_HEIGHT}"/>`);
    parts.push(
      `<text class="chart-label" x="0" y="${y + ROW_HEIGHT / 2}" dominant-baseline="central" clip-path="url(#${escapeHtml(clipId)})">${escapeHtml(cut(row.label))}</text>`,
    );
    parts.push(`<rect class="chart-track" x="${LABEL_WIDTH}" y="${barY}" width="${barArea}" height="${BAR_HEIGHT}" rx="3"/>`);
    let x = LABEL_WIDTH;
    for (const severity of SEVERITIES) {
      const count = row.counts[severity];
      if (count === 0) continue;
      // A single finding among thousands still gets a visible sliver.
      const width = Math.max(3, (count / scale) * barArea);
      parts.push(`<rect class="bar-${severity}" x="${round(x)}" y="${barY}" width="${round(width)}" height="${BAR_HEIGHT}"/>`);
      x += width;
    }
    parts.push(
      `<text class="chart-count" x="${round(Math.min(x, LABEL_WIDTH + barArea) + 8)}" y="${y + ROW_HEIGHT / 2}" dominant-baseline="central">${formatCount(sum)}</text>`,
    );
    parts.push('</a>');
  });
  if (hidden > 0) {
    const y = 4 + shown.length * ROW_HEIGHT + ROW_HEIGHT / 2;
    const rest = drawn.slice(maxRows).reduce((sum, row) => sum + total(row.counts), 0);
    parts.push(
      `<text class="chart-more" x="${LABEL_WIDTH}" y="${y}" dominant-baseline="central">+ ${formatCount(hidden)} more · ${formatCount(rest)} finding${rest === 1 ? '' : 's'}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** `12345` → `12,345`, without depending on the runtime's locale data. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function total(counts: SeverityCounts): number {
  return counts.error + counts.warning + counts.info;
}

/** Cut to fit LABEL_SPACE at 13px in a proportional sans-serif, by a rough per-character width. */
function cut(label: string): string {
  const chars = Array.from(label);
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    width += charWidth(chars[i]!);
    if (width > LABEL_SPACE) {
      let kept = chars.slice(0, i);
      let keptWidth = width - charWidth(chars[i]!);
      while (kept.length > 0 && keptWidth + charWidth('…') > LABEL_SPACE) keptWidth -= charWidth(kept.pop()!);
      return `${kept.join('')}…`;
    }
  }
  return label;
}

function charWidth(char: string): number {
  if (/[iljtf.,:;'|!()[\]{}\/ -]/.test(char)) return 4.2;
  if (/[mwMW@%]/.test(char)) return 11.5;
  if (/[A-Z0-9#&<>="?_~+*^$]/.test(char)) return 8.8;
  if (char.charCodeAt(0) > 0x2e7f) return 13; // CJK and emoji are about 1em
  return 7.4;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
