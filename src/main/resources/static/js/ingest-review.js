// Plan ingestion review (issue 8): shows the outline's text as read and highlights the source span of the
// selected item. Offsets are UTF-16 indexes into the text as read (Java String = JavaScript string), so the text
// is fetched verbatim rather than taken from the HTML (the HTML parser would normalise line ends).
(function () {
  'use strict';
  var pre = document.getElementById('ingest-source');
  if (!pre) {
    return;
  }
  var source = null;
  var pendingItem = null;

  fetch(pre.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'text/plain' } })
    .then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.text();
    })
    .then(function (text) {
      source = text;
      pre.textContent = text;
      pre.setAttribute('data-loaded', 'true');
      if (pendingItem) { select(pendingItem); }
    })
    .catch(function (e) { pre.textContent = '原文载入失败 / cannot load the source: ' + e.message; });

  function highlight(start, end) {
    if (source === null) { return null; }
    start = Math.max(0, Math.min(start, source.length));
    end = Math.max(start, Math.min(end, source.length));
    pre.textContent = '';
    pre.appendChild(document.createTextNode(source.slice(0, start)));
    var mark = document.createElement('mark');
    mark.id = 'ingest-highlight';
    mark.textContent = source.slice(start, end);
    pre.appendChild(mark);
    pre.appendChild(document.createTextNode(source.slice(end)));
    pre.scrollTop = Math.max(0, mark.offsetTop - pre.offsetTop - pre.clientHeight / 3);
    return mark;
  }

  function select(item) {
    if (source === null) { pendingItem = item; return; }
    pendingItem = null;
    var prev = document.querySelectorAll('.review-item.selected, .grid-row.selected');
    for (var i = 0; i < prev.length; i++) { prev[i].classList.remove('selected'); }
    item.classList.add('selected');
    var start = parseInt(item.getAttribute('data-start'), 10);
    var end = parseInt(item.getAttribute('data-end'), 10);
    if (!isNaN(start) && !isNaN(end)) {
      highlight(start, end);
      pre.setAttribute('data-selected', item.getAttribute('data-key'));
    }
  }

  function interactive(target) {
    return target.closest('form, button, input, select, textarea, a, summary, details');
  }

  // delegated, so items swapped in by htmx keep working
  document.addEventListener('click', function (e) {
    var item = e.target.closest('.review-item');
    if (item && !interactive(e.target)) { select(item); }
  });
  document.addEventListener('keydown', function (e) {
    var item = e.target.closest && e.target.closest('.review-item');
    if (item && e.target === item && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      select(item);
    }
  });
  // a grid row (indicator table) highlights its source line when one of its cells gets the focus
  document.addEventListener('focusin', function (e) {
    var row = e.target.closest && e.target.closest('.grid-row');
    if (row && parseInt(row.getAttribute('data-end'), 10) > 0) { select(row); }
  });
  document.body.addEventListener('htmx:afterSwap', function (e) {
    var item = e.target && e.target.closest ? e.target.closest('.review-item') : null;
    if (item && item.getAttribute('data-key') === pre.getAttribute('data-selected')) {
      item.classList.add('selected');
    }
  });
})();
