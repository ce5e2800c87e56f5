// A document page: click a marked span or its label for the edit's detail
// (copied from the edit table, as text); the outline scrolls both panes;
// "hide removed text" reads the original as the result would.
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
    [['before', cells[4]], ['after', cells[5]]].forEach(function (pair) {
      var h = document.createElement('h3');
      h.textContent = pair[0];
      var p = document.createElement('p');
      p.className = 'txt';
      p.textContent = pair[1].textContent || '(nothing)';
      detail.appendChild(h);
      detail.appendChild(p);
    });
    detail.hidden = false;
    document.querySelectorAll('.flash').forEach(function (el) { el.classList.remove('flash'); });
    row.classList.add('flash');
  }
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
