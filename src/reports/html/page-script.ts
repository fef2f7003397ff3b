/**
 * The report page's script, inlined into index.html. Plain ES2017 with no dependencies; it reads
 * the findings from the page's `<script type="application/json">` block and builds the table
 * with `textContent` only, so catalogue text can never become markup.
 *
 * The top half is pure functions (filtering, facet counts, sorting, the `#…` filter links); the
 * script evaluates to an object holding them, so tests run the exact code the page runs
 * (`vm.runInNewContext(PAGE_SCRIPT, context)`, then `context.apiconformReport`). The bottom half wires them to the page and only runs when
 * a document with the data block is present. Only the first PAGE_SIZE matching rows are in the
 * DOM at any time ("Show more" adds the next page), which keeps filtering and typing instant with
 * tens of thousands of findings.
 */
export const PAGE_SCRIPT = String.raw`var apiconformReport = (function () {
'use strict';

var SEVERITY_ORDER = ['error', 'warning', 'info', 'clean'];
var RANK = { error: 3, warning: 2, info: 1, clean: 0 };
var STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx', 'other', 'none'];
var CATALOGUE = '(catalogue)';
var PAGE_SIZE = 100;

/** Own properties only: an API slugged "constructor" must not find Object.prototype.constructor. */
function lookup(map, key) {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function statusClassOf(status) {
  if (status === null || status === undefined) return 'none';
  if (Math.floor(status) !== status || status < 100 || status > 599) return 'other';
  return Math.floor(status / 100) + 'xx';
}

/** Errors first, then warnings and infos; clean responses only when asked for. */
function defaultFilter() {
  return { severity: ['error', 'warning', 'info'], rule: '', api: '', status: '', q: '', sort: 'severity', dir: 'asc' };
}

function termsOf(q) {
  return String(q || '').toLowerCase().split(/\s+/).filter(function (term) { return term.length > 0; });
}

function facetKey(row, facet) {
  if (facet === 'severity') return row.severity;
  if (facet === 'rule') return row.ruleId;
  if (facet === 'api') return row.api === '' ? CATALOGUE : row.api;
  return statusClassOf(row.status);
}

/** Every term must occur somewhere in the row (api, endpoint, names, status, rule, pointer, message). */
function matches(row, filter, terms, except) {
  if (except !== 'severity' && filter.severity.indexOf(row.severity) < 0) return false;
  if (except !== 'rule' && filter.rule && facetKey(row, 'rule') !== filter.rule) return false;
  if (except !== 'api' && filter.api && facetKey(row, 'api') !== filter.api) return false;
  if (except !== 'status' && filter.status && facetKey(row, 'status') !== filter.status) return false;
  for (var i = 0; i < terms.length; i++) if (row.text.indexOf(terms[i]) < 0) return false;
  return true;
}

function filterRows(rows, filter) {
  var terms = termsOf(filter.q);
  return rows.filter(function (row) { return matches(row, filter, terms, ''); });
}

/** Counts per value of one facet under all the other filters: what a click on that value would show. */
function facetCounts(rows, filter, facet) {
  var terms = termsOf(filter.q);
  var counts = Object.create(null);
  rows.forEach(function (row) {
    if (!matches(row, filter, terms, facet)) return;
    var key = facetKey(row, facet);
    counts[key] = (counts[key] || 0) + 1;
  });
  return counts;
}

var SORT_VALUE = {
  severity: function (row) { return -RANK[row.severity]; },
  api: function (row) { return row.api; },
  endpoint: function (row) { return row.endpoint; },
  status: function (row) { return row.status === null || row.status === undefined ? -1 : row.status; },
  rule: function (row) { return row.ruleId; },
  pointer: function (row) { return row.pointer || ''; },
  message: function (row) { return row.message; }
};

/** Stable: ties keep the report's own order (api, endpoint, status, rule…). */
function sortRows(rows, key, dir) {
  var value = lookup(SORT_VALUE, key);
  var sign = dir === 'desc' ? -1 : 1;
  return rows.slice().sort(function (a, b) {
    if (value) {
      var x = value(a);
      var y = value(b);
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return a.index - b.index;
  });
}

/** The filter in the page's address, so a view can be linked to and the charts can link into the table. */
function parseHash(hash) {
  var filter = defaultFilter();
  String(hash || '').replace(/^#/, '').split('&').forEach(function (part) {
    var eq = part.indexOf('=');
    if (eq < 0) return;
    var key = part.slice(0, eq);
    var value;
    try {
      value = decodeURIComponent(part.slice(eq + 1));
    } catch (malformed) {
      return; // a hand-edited address with a broken %-escape: that one parameter is ignored
    }
    if (key === 'severity') {
      var wanted = value.split(',');
      filter.severity = SEVERITY_ORDER.filter(function (severity) { return wanted.indexOf(severity) >= 0; });
    } else if (key === 'rule' || key === 'api' || key === 'status' || key === 'q') {
      filter[key] = value;
    } else if (key === 'sort') {
      var sort = value.split(':');
      if (lookup(SORT_VALUE, sort[0])) {
        filter.sort = sort[0];
        filter.dir = sort[1] === 'desc' ? 'desc' : 'asc';
      }
    }
  });
  return filter;
}

/** encodeURIComponent, keeping , / : readable (the same rule as the server's encodeHashValue). */
function encodeValue(value) {
  return encodeURIComponent(value).replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
}

function formatHash(filter) {
  var base = defaultFilter();
  var parts = [];
  if (filter.severity.join(',') !== base.severity.join(',')) parts.push('severity=' + filter.severity.join(','));
  ['rule', 'api', 'status', 'q'].forEach(function (key) {
    if (filter[key]) parts.push(key + '=' + encodeValue(filter[key]));
  });
  if (filter.sort !== base.sort || filter.dir !== base.dir) parts.push('sort=' + filter.sort + ':' + filter.dir);
  return parts.length > 0 ? '#' + parts.join('&') : '';
}

/** Findings and clean responses as one list of rows, in report order, each with its search text. */
function buildRows(data) {
  var rows = data.findings.map(function (finding) {
    return {
      severity: finding.severity, ruleId: finding.ruleId, api: finding.api, endpoint: finding.endpoint,
      status: finding.status, example: finding.example, pointer: finding.pointer, message: finding.message,
      evidence: finding.evidence, source: finding.source
    };
  });
  data.clean.forEach(function (item) {
    rows.push({
      severity: 'clean', ruleId: '', api: item.api, endpoint: item.endpoint, status: item.status, example: null,
      pointer: null, message: 'No findings', evidence: null, source: null
    });
  });
  rows.forEach(function (row, order) { row.order = order; });
  rows.sort(function (a, b) {
    if (a.api !== b.api) return a.api < b.api ? -1 : 1;
    if (a.endpoint !== b.endpoint) return a.endpoint < b.endpoint ? -1 : 1;
    var sa = a.status === null ? -1 : a.status;
    var sb = b.status === null ? -1 : b.status;
    return sa - sb || a.order - b.order;
  });
  rows.forEach(function (row, index) {
    row.index = index;
    row.apiName = lookup(data.apis, row.api) || row.api;
    row.endpointName = lookup(data.endpoints, row.api + '/' + row.endpoint) || row.endpoint;
    var rule = lookup(data.rules, row.ruleId);
    row.ruleTitle = rule ? rule.title : '';
    row.text = [row.api, row.apiName, row.endpoint, row.endpointName, row.status === null ? '' : String(row.status),
      row.ruleId, row.ruleTitle, row.pointer || '', row.message].join('\n').toLowerCase();
  });
  return rows;
}

var pure = {
  statusClassOf: statusClassOf, defaultFilter: defaultFilter, filterRows: filterRows, facetCounts: facetCounts,
  sortRows: sortRows, parseHash: parseHash, formatHash: formatHash, buildRows: buildRows, PAGE_SIZE: PAGE_SIZE
};

function init(doc, win) {
  var data = JSON.parse(doc.getElementById('report-data').textContent);
  var rows = buildRows(data);
  var state = parseHash(win.location.hash);
  var limit = PAGE_SIZE;
  var open = {};
  var $ = function (id) { return doc.getElementById(id); };
  var tbody = $('rows');
  var chips = Array.prototype.slice.call(doc.querySelectorAll('[data-severity]'));
  var headers = Array.prototype.slice.call(doc.querySelectorAll('th[data-sort]'));
  var ruleSelect = $('f-rule');
  var apiSelect = $('f-api');
  var statusSelect = $('f-status');
  var search = $('f-q');

  function el(tag, className, text) {
    var node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fillSelect(select, allLabel, values, labelOf, counts, current) {
    var keep = values.slice();
    if (current && keep.indexOf(current) < 0) keep.push(current);
    select.textContent = '';
    var all = el('option', '', allLabel);
    all.value = '';
    select.appendChild(all);
    keep.forEach(function (value) {
      var option = el('option', '', labelOf(value) + ' (' + (lookup(counts, value) || 0) + ')');
      option.value = value;
      select.appendChild(option);
    });
    select.value = current;
  }

  var ruleIds = Object.keys(facetCounts(rows, { severity: SEVERITY_ORDER, q: '' }, 'rule')).filter(Boolean).sort();
  var apiKeys = Object.keys(facetCounts(rows, { severity: SEVERITY_ORDER, q: '' }, 'api')).sort(function (a, b) {
    var x = (lookup(data.apis, a) || a).toLowerCase();
    var y = (lookup(data.apis, b) || b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  var STATUS_LABEL = { '1xx': '1xx', '2xx': '2xx', '3xx': '3xx', '4xx': '4xx', '5xx': '5xx', other: 'other (not 100–599)', none: 'no status' };

  function detailRow(row) {
    var tr = el('tr', 'detail');
    var td = el('td');
    td.colSpan = 8;
    var rule = lookup(data.rules, row.ruleId);
    if (row.ruleId) {
      var title = el('p');
      title.appendChild(el('strong', '', rule ? rule.title : row.ruleId));
      title.appendChild(doc.createTextNode(' '));
      title.appendChild(el('code', '', row.ruleId));
      td.appendChild(title);
      if (rule && rule.why) td.appendChild(el('p', 'why', rule.why));
    }
    var dl = el('dl');
    function item(label, value, className) {
      if (value === null || value === undefined || value === '') return;
      dl.appendChild(el('dt', '', label));
      dl.appendChild(el('dd', className || '', value));
    }
    item('API', row.api ? row.apiName + ' (' + row.api + ')' : '(catalogue)');
    item('Endpoint', row.endpoint ? row.endpointName + ' (' + row.endpoint + ')' : '');
    item('Status', row.status);
    item('Example', row.example);
    item('Pointer', row.pointer === '' ? '(root)' : row.pointer, 'mono');
    item('Message', row.message);
    item('Source', row.source, 'mono');
    td.appendChild(dl);
    if (row.evidence) {
      td.appendChild(el('div', 'why', 'Evidence'));
      td.appendChild(el('pre', '', row.evidence));
    }
    tr.appendChild(td);
    return tr;
  }

  /** Pointers and rule ids break after a slash, not in the middle of a name. */
  function slashCell(className, text) {
    var td = el('td', className);
    if (text === null || text === undefined) return td;
    String(text).split('/').forEach(function (part, i) {
      if (i > 0) {
        td.appendChild(doc.createTextNode('/'));
        td.appendChild(doc.createElement('wbr'));
      }
      td.appendChild(doc.createTextNode(part));
    });
    return td;
  }

  function tableRow(row) {
    var tr = el('tr', 'row' + (open[row.index] ? ' open' : ''));
    var toggle = el('button', 'expand', '▶');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', open[row.index] ? 'true' : 'false');
    toggle.setAttribute('aria-label', 'details');
    var first = el('td');
    first.appendChild(toggle);
    tr.appendChild(first);
    var sev = el('td');
    sev.appendChild(el('span', 'sev ' + row.severity, row.severity));
    tr.appendChild(sev);
    var api = el('td', '', row.api ? row.apiName : '(catalogue)');
    if (row.api && row.apiName !== row.api) api.appendChild(el('span', 'name mono', row.api));
    tr.appendChild(api);
    var endpoint = el('td', '', row.endpoint ? row.endpointName : row.api ? '(whole API)' : '—');
    if (row.endpoint && row.endpointName !== row.endpoint) endpoint.appendChild(el('span', 'name mono', row.endpoint));
    tr.appendChild(endpoint);
    tr.appendChild(el('td', 'num', row.status));
    tr.appendChild(slashCell('rule mono', row.ruleId));
    tr.appendChild(slashCell('ptr mono', row.pointer === '' ? '(root)' : row.pointer));
    tr.appendChild(el('td', 'msg', row.message));
    tr.addEventListener('click', function (event) {
      if (event.target && event.target.closest && event.target.closest('a')) return;
      open[row.index] = !open[row.index];
      render(true);
    });
    return tr;
  }

  function render(keepLimit) {
    if (!keepLimit) limit = PAGE_SIZE;
    var matching = sortRows(filterRows(rows, state), state.sort, state.dir);
    var severityCounts = facetCounts(rows, state, 'severity');
    chips.forEach(function (chip) {
      var severity = chip.getAttribute('data-severity');
      chip.setAttribute('aria-pressed', state.severity.indexOf(severity) >= 0 ? 'true' : 'false');
      chip.querySelector('.c').textContent = String(severityCounts[severity] || 0);
    });
    fillSelect(ruleSelect, 'All rules', ruleIds, function (id) { return id; }, facetCounts(rows, state, 'rule'), state.rule);
    fillSelect(apiSelect, 'All APIs', apiKeys, function (key) { return key === CATALOGUE ? '(catalogue)' : lookup(data.apis, key) || key; }, facetCounts(rows, state, 'api'), state.api);
    fillSelect(statusSelect, 'All statuses', STATUS_CLASSES, function (key) { return lookup(STATUS_LABEL, key); }, facetCounts(rows, state, 'status'), state.status);
    if (search.value !== state.q) search.value = state.q;
    headers.forEach(function (th) {
      var key = th.getAttribute('data-sort');
      th.setAttribute('aria-sort', key === state.sort ? (state.dir === 'desc' ? 'descending' : 'ascending') : 'none');
    });

    var fragment = doc.createDocumentFragment();
    matching.slice(0, limit).forEach(function (row) {
      fragment.appendChild(tableRow(row));
      if (open[row.index]) fragment.appendChild(detailRow(row));
    });
    tbody.textContent = '';
    tbody.appendChild(fragment);
    $('empty').hidden = matching.length > 0;
    var shown = Math.min(limit, matching.length);
    var findingsTotal = data.findings.length;
    $('count').textContent = 'Showing ' + shown + ' of ' + matching.length + ' matching rows · ' + findingsTotal + ' findings in the report';
    $('pager').hidden = matching.length <= limit;
    $('more').textContent = 'Show ' + Math.min(PAGE_SIZE, matching.length - limit) + ' more';
    $('all').textContent = 'Show all ' + matching.length;
    var hash = formatHash(state);
    if (win.location.hash !== hash) {
      win.history.replaceState(null, '', hash || win.location.pathname + win.location.search);
    }
  }

  chips.forEach(function (chip) {
    chip.addEventListener('click', function () {
      var severity = chip.getAttribute('data-severity');
      var on = state.severity.indexOf(severity) >= 0;
      state.severity = SEVERITY_ORDER.filter(function (s) { return s === severity ? !on : state.severity.indexOf(s) >= 0; });
      render(false);
    });
  });
  ruleSelect.addEventListener('change', function () { state.rule = ruleSelect.value; render(false); });
  apiSelect.addEventListener('change', function () { state.api = apiSelect.value; render(false); });
  statusSelect.addEventListener('change', function () { state.status = statusSelect.value; render(false); });
  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = search.value; render(false); }, 120);
  });
  headers.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      state.dir = state.sort === key && state.dir === 'asc' ? 'desc' : 'asc';
      state.sort = key;
      render(true);
    });
  });
  $('more').addEventListener('click', function () { limit += PAGE_SIZE; render(true); });
  $('all').addEventListener('click', function () { limit = Infinity; render(true); });
  $('reset').addEventListener('click', function () { state = defaultFilter(); render(false); });
  win.addEventListener('hashchange', function () {
    state = parseHash(win.location.hash);
    render(false);
    $('findings').scrollIntoView();
  });
  $('findings-ui').hidden = false;
  render(false);
}

if (typeof document !== 'undefined' && document.getElementById('report-data')) init(document, window);
return pure;
})();
`;
