// The run's document table: the first page is in the HTML; every row is in
// index-data.js, loaded after the page has painted (or at once when the
// address sets a filter, e.g. index.html#flag=truncated_end). Filters by
// status, flag and rule and a text search; rows are built as text nodes.
(function () {
  'use strict';
  var PAGE = window.DOCPIPE_PAGE_ROWS || 100;
  var form = document.getElementById('filters');
  var tbody = document.querySelector('#docs tbody');
  var shown = document.getElementById('shown');
  var pager = document.getElementById('pager');
  var data = null, hay = null, matches = [], page = 0, waiting = false;

  function load(then) {
    if (data) { then(); return; }
    if (waiting) return;
    waiting = true;
    var s = document.createElement('script');
    s.src = 'index-data.js';
    s.onload = function () {
      data = window.DOCPIPE_REVIEW;
      hay = data.rows.map(function (r) {
        return [r[0], r[1], r[2], r[3], r[10]].join('\n').toLowerCase();
      });
      then();
    };
    s.onerror = function () { shown.textContent = 'index-data.js could not be loaded'; };
    document.head.appendChild(s);
  }

  function fromHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    ['status', 'flag', 'rule', 'q'].forEach(function (k) {
      if (params.has(k)) form.elements[k].value = params.get(k);
    });
    return ['status', 'flag', 'rule', 'q'].some(function (k) { return params.has(k); });
  }

  function apply() {
    var st = data.statuses.indexOf(form.elements.status.value);
    var fl = data.flags.indexOf(form.elements.flag.value);
    var ru = data.rules.indexOf(form.elements.rule.value);
    var q = form.elements.q.value.trim().toLowerCase();
    var wantSt = form.elements.status.value !== '', wantFl = form.elements.flag.value !== '';
    var wantRu = form.elements.rule.value !== '';
    matches = [];
    for (var i = 0; i < data.rows.length; i++) {
      var r = data.rows[i];
      if (wantSt && r[4] !== st) continue;
      if (wantFl && r[5].indexOf(fl) < 0) continue;
      if (wantRu && r[6].indexOf(ru) < 0) continue;
      if (q && hay[i].indexOf(q) < 0) continue;
      matches.push(i);
    }
    page = 0;
    render();
  }

  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(matches.length / PAGE));
    page = Math.min(page, pages - 1);
    var body = document.createDocumentFragment();
    matches.slice(page * PAGE, (page + 1) * PAGE).forEach(function (i) {
      var r = data.rows[i];
      var tr = document.createElement('tr');
      var first = cell(tr, '');
      if (r[9]) {
        var a = document.createElement('a');
        a.href = r[9];
        a.textContent = r[0];
        first.appendChild(a);
      } else {
        first.textContent = r[0];
      }
      cell(tr, r[1]);
      cell(tr, r[2]);
      cell(tr, r[3]);
      cell(tr, data.statuses[r[4]]).title = r[10];
      cell(tr, r[5].map(function (f) { return data.flags[f]; }).join(' '));
      cell(tr, String(r[7]));
      cell(tr, r[8].toFixed(2));
      body.appendChild(tr);
    });
    tbody.textContent = '';
    tbody.appendChild(body);
    shown.textContent = matches.length + ' of ' + data.rows.length + ' documents';
    pager.textContent = '';
    if (pages > 1) {
      var prev = document.createElement('button');
      prev.textContent = '‹';
      prev.disabled = page === 0;
      prev.onclick = function () { page--; render(); };
      var next = document.createElement('button');
      next.textContent = '›';
      next.disabled = page >= pages - 1;
      next.onclick = function () { page++; render(); };
      pager.appendChild(prev);
      pager.appendChild(document.createTextNode('page ' + (page + 1) + ' of ' + pages));
      pager.appendChild(next);
    }
  }

  form.addEventListener('submit', function (ev) { ev.preventDefault(); });
  var timer = null;
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { load(apply); }, 120);
  });
  form.addEventListener('change', function () { load(apply); });
  window.addEventListener('hashchange', function () { fromHash(); load(apply); });
  if (fromHash()) {
    load(apply);
  } else {
    // After the first paint: the table's pager and search need every row.
    window.addEventListener('load', function () {
      setTimeout(function () { load(function () { matches = data.rows.map(function (r, i) { return i; }); render(); }); }, 0);
    });
  }
})();
