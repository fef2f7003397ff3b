/**
 * The report page's stylesheet, inlined into index.html (the page loads nothing: no fonts, no
 * CDN). Two palettes switched by `prefers-color-scheme`; the SVG charts take their colours from
 * the same variables.
 */
export const PAGE_STYLE = String.raw`
:root {
  color-scheme: light dark;
  --bg: #f4f6f9; --panel: #ffffff; --panel-2: #f8f9fb; --text: #1b2230; --muted: #5c6678; --faint: #8a93a3;
  --border: #dde2ea; --track: #eef1f5; --accent: #2f5fd0; --hover: #f0f4fb;
  --error: #d1352b; --error-bg: #fdecea; --warning: #c77c02; --warning-bg: #fff4dc;
  --info: #2f6fd6; --info-bg: #e8f0fd; --clean: #16884f; --clean-bg: #e3f5ec;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0e1116; --panel: #161b22; --panel-2: #1b212a; --text: #e4e8ee; --muted: #9aa4b4; --faint: #6f7a8b;
    --border: #2a323d; --track: #212833; --accent: #7aa2ff; --hover: #1d2530;
    --error: #f26b61; --error-bg: #3a1d1c; --warning: #f0b43c; --warning-bg: #3a2e12;
    --info: #6ea3ff; --info-bg: #17294a; --clean: #3fcf8e; --clean-bg: #12362a;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { background: var(--bg); }
body { margin: 0; color: var(--text); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: var(--mono); font-size: 12.5px; }

.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.wrap { max-width: 1320px; margin: 0 auto; padding: 0 24px; }

header.top { background: var(--panel); border-bottom: 1px solid var(--border); padding: 20px 0 18px; }
header.top .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px; }
.brand { font-size: 20px; font-weight: 700; letter-spacing: -0.01em; }
.brand .cmd { font-weight: 500; color: var(--muted); }
.verdict { display: inline-flex; align-items: center; gap: 8px; padding: 5px 12px; border-radius: 999px; font-weight: 700; font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; }
.verdict.failed { background: var(--error-bg); color: var(--error); }
.verdict.passed { background: var(--clean-bg); color: var(--clean); }
.verdict-text { font-size: 15px; font-weight: 500; }
.meta { flex-basis: 100%; margin: 0; color: var(--muted); font-size: 13px; }
.meta code { color: var(--text); }

main.wrap { padding-top: 22px; padding-bottom: 48px; }
section { margin-bottom: 26px; }
h2 { font-size: 15px; margin: 0 0 12px; font-weight: 650; }
h2 .sub { font-weight: 400; color: var(--muted); margin-left: 6px; }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 10px; padding: 16px 18px; }

.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 14px; }
.card { display: block; color: inherit; background: var(--panel); border: 1px solid var(--border); border-radius: 10px; padding: 14px 16px; border-top: 4px solid var(--faint); }
a.card:hover { text-decoration: none; background: var(--hover); }
.card .n { font-size: 28px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.card .l { color: var(--muted); font-size: 13px; margin-top: 2px; }
.card.error { border-top-color: var(--error); } .card.error .n { color: var(--error); }
.card.warning { border-top-color: var(--warning); } .card.warning .n { color: var(--warning); }
.card.info { border-top-color: var(--info); } .card.info .n { color: var(--info); }
.card.clean { border-top-color: var(--clean); }
.card.zero .n { color: var(--faint); }

.charts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 14px; }
.charts .panel { padding: 14px 14px 10px; }
.legend { display: flex; gap: 14px; font-size: 12px; color: var(--muted); margin: -4px 0 8px; }
.legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; background: var(--faint); }
.legend .error::before { background: var(--error); } .legend .warning::before { background: var(--warning); } .legend .info::before { background: var(--info); }
svg.chart { width: 100%; max-width: 520px; height: auto; display: block; font-family: inherit; }
svg.chart text { font-size: 13px; fill: var(--text); }
svg.chart .chart-count { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg.chart .chart-more, svg.chart .chart-empty { fill: var(--muted); font-style: italic; }
svg.chart .chart-track { fill: var(--track); }
svg.chart .chart-hit { fill: transparent; }
svg.chart a:hover .chart-hit { fill: var(--hover); }
svg.chart a:hover .chart-label { fill: var(--accent); }
.bar-error { fill: var(--error); } .bar-warning { fill: var(--warning); } .bar-info { fill: var(--info); }

.toolbar { display: flex; flex-wrap: wrap; gap: 8px 10px; align-items: center; margin-bottom: 12px; }
.chip { display: inline-flex; align-items: center; gap: 6px; border: 1px solid var(--border); background: var(--panel-2); color: var(--text); border-radius: 999px; padding: 4px 11px; font: inherit; font-size: 13px; cursor: pointer; user-select: none; }
.chip .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--faint); }
.chip.error .dot { background: var(--error); } .chip.warning .dot { background: var(--warning); } .chip.info .dot { background: var(--info); } .chip.clean .dot { background: var(--clean); }
.chip[aria-pressed="false"] { opacity: 0.5; }
.chip[aria-pressed="false"] .dot { background: transparent; box-shadow: inset 0 0 0 1.5px var(--faint); }
.chip .c { color: var(--muted); font-variant-numeric: tabular-nums; }
select, input[type="search"] { font: inherit; font-size: 13px; color: var(--text); background: var(--panel-2); border: 1px solid var(--border); border-radius: 7px; padding: 5px 8px; max-width: 230px; }
input[type="search"] { flex: 1 1 220px; max-width: 380px; }
button.link { font: inherit; font-size: 13px; background: none; border: 0; color: var(--accent); cursor: pointer; padding: 4px; }
.count { margin-left: auto; color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }

/* clip, not auto: a scroll container would stop the sticky header at the table's own top. */
.table-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: 10px; background: var(--panel); }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { position: sticky; top: 0; background: var(--panel-2); font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; white-space: nowrap; z-index: 1; }
th button { font: inherit; color: inherit; text-transform: inherit; letter-spacing: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
tbody tr.row:hover { background: var(--hover); }
tbody tr.row { cursor: pointer; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.msg { min-width: 240px; width: 40%; overflow-wrap: anywhere; }
td.ptr { min-width: 150px; max-width: 260px; overflow-wrap: break-word; }
td.rule { min-width: 170px; overflow-wrap: anywhere; }
table.apis { width: auto; min-width: 70%; }
table.apis td:first-child { min-width: 260px; }
table.apis td.num, table.apis th { padding-left: 18px; }
td .name { color: var(--muted); font-size: 12.5px; display: block; }
.sev { display: inline-flex; align-items: center; gap: 5px; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; white-space: nowrap; }
.sev.error { color: var(--error); background: var(--error-bg); }
.sev.warning { color: var(--warning); background: var(--warning-bg); }
.sev.info { color: var(--info); background: var(--info-bg); }
.sev.clean { color: var(--clean); background: var(--clean-bg); }
button.expand { background: none; border: 0; color: var(--muted); cursor: pointer; font-size: 11px; width: 16px; padding: 0; }
tr.row.open button.expand { transform: rotate(90deg); }
tr.detail td { background: var(--panel-2); padding: 12px 16px 14px 36px; box-shadow: inset 3px 0 0 var(--accent); }
tr.row.open td { background: var(--panel-2); }
.detail dd.mono { font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
.detail dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0 0 8px; font-size: 13px; }
.detail dt { color: var(--muted); }
.detail dd { margin: 0; }
.detail pre { margin: 6px 0 0; padding: 10px 12px; max-height: 360px; overflow: auto; background: var(--panel); border: 1px solid var(--border); border-radius: 7px; font-family: var(--mono); font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.why { color: var(--muted); max-width: 900px; margin: 0 0 6px; }
.pager { display: flex; gap: 12px; align-items: center; justify-content: center; padding: 12px; color: var(--muted); font-size: 13px; }
.pager button { font: inherit; font-size: 13px; border: 1px solid var(--border); background: var(--panel-2); color: var(--text); border-radius: 7px; padding: 5px 12px; cursor: pointer; }
.empty { padding: 28px; text-align: center; color: var(--muted); }
.noscript { padding: 12px 16px; color: var(--muted); }

svg.mini { display: block; width: 160px; height: 8px; border-radius: 4px; }
svg.mini .track { fill: var(--track); }
svg.mini .clean { fill: var(--clean); }
footer { color: var(--faint); font-size: 12px; padding: 0 0 32px; }

@media (max-width: 1000px) {
  .table-wrap { overflow-x: auto; }
  .charts { grid-template-columns: 1fr; }
}
@media print {
  .toolbar, .pager, button.expand { display: none; }
  th { position: static; }
}
`;
