// A document page: a marked span names its edit on hover and opens the
// edit's detail on click (from the edit table); the outline scrolls both
// panes; "hide removed text" reads the original as the result would.
(function () {
  'use strict';
  var detail = document.getElementById('detail');
  function showEdit(k) {
    var row = document.getElementById('edit-' + k);
    if (!row) return;
    var cells = row.children;
    detail.textContent = '';
    var head = document.createElement('p');
    var b = document.createElement('b');
    b.textContent = cells[1].textContent + ' · ' + cells[2].textContent;
    head.appendChild(b);
    head.appendChild(document.createTextNode(' — edit #' + k + ', block ' + cells[3].textContent + ' '));
    var link = document.createElement('a');
    link.href = '#edit-' + k;
    link.textContent = 'in the table';
    head.appendChild(link);
    var close = document.createElement('button');
    close.textContent = '×';
    close.style.float = 'right';
    close.onclick = function () { detail.hidden = true; };
    head.appendChild(close);
    detail.appendChild(head);
    // The change as the edit table shows it (our own markup, cloned).
    var change = cells[4].cloneNode(true);
    change.className = 'txt change';
    detail.appendChild(change);
    detail.hidden = false;
    document.querySelectorAll('.flash').forEach(function (el) { el.classList.remove('flash'); });
    row.classList.add('flash');
  }
  document.addEventListener('mouseover', function (ev) {
    var el = ev.target.closest('#original [data-e]');
    if (!el || el.title) return;
    var row = document.getElementById('edit-' + el.getAttribute('data-e'));
    if (row) el.title = row.children[1].textContent + ' · ' + row.children[2].textContent;
  });
  document.addEventListener('click', function (ev) {
    var el = ev.target.closest('[data-e]');
    if (el) showEdit(el.getAttribute('data-e'));
  });
  // The outline: the result pane follows the link; the original pane shows
  // the same block.
  document.querySelectorAll('#toc a[data-r]').forEach(function (a) {
    a.addEventListener('click', function () {
      var o = document.querySelector('#original [data-r="' + a.getAttribute('data-r') + '"]');
      if (o) o.scrollIntoView({block: 'start'});
    });
  });
  var hide = document.getElementById('hide-removed');
  if (hide) hide.addEventListener('change', function () {
    document.body.classList.toggle('hide-removed', hide.checked);
  });
})();
