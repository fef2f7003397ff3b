export type { ReportCase, ReportCatalogue, ReportFormat, ReportInput } from './types.ts';
export { REPORT_FILE_NAMES, REPORT_FORMATS } from './types.ts';
export type { ApiCount, ReportSummary, RuleCount, SeverityCounts, StatusClass, StatusClassCount } from './summary.ts';
export { STATUS_CLASSES, statusClass, summariseReport, verdictText } from './summary.ts';
export { renderMarkdown, GITHUB_COMMENT_LIMIT, type MarkdownOptions } from './markdown.ts';
export { renderJson, toFindingsJson, FINDINGS_JSON_SCHEMA, type FindingsJson } from './json.ts';
export { renderJunit } from './junit.ts';
export { renderHtml } from './html.ts';
export { writeReports, parseReportFormats, RENDERERS } from './write.ts';
