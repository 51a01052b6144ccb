// The admin's one picker: a search box that suggests as you type (bylines, related-link targets).
// WAI-ARIA combobox pattern: the input keeps focus, the listbox's active option is announced through
// aria-activedescendant; ArrowDown/ArrowUp move, Enter picks, Escape closes, Tab leaves.
// Plain DOM, no framework; every page that shows a picker loads this file before its own script.
window.NewsroomPicker = (function () {
  'use strict';
  var count = 0;

  // options: source(query) -> URL answering a JSON array; label(item) -> text; choose(item);
  // extra(query) -> [{ label, choose }] appended after the results (e.g. "Create byline ...").
  function attach(input, box, options) {
    var id = box.id || (box.id = 'picker-' + (++count));
    var entries = [];
    var active = -1;
    var timer;
    var asked = 0;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    box.setAttribute('role', 'listbox');
    box.setAttribute('aria-label', input.getAttribute('aria-label') || 'Suggestions');

    function close() {
      box.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function highlight(index) {
      var options = box.children;
      if (options.length === 0) { return; }
      active = Math.max(0, Math.min(index, options.length - 1));
      Array.prototype.forEach.call(options, function (o, i) { o.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', options[active].id);
      options[active].scrollIntoView({ block: 'nearest' });
    }
    function pick(index) {
      var entry = entries[index];
      close();
      if (entry) { entry.choose(); }
      input.focus();
    }
    function show(list) {
      entries = list;
      box.innerHTML = '';
      list.forEach(function (entry, i) {
        var option = document.createElement('li');
        option.id = id + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = entry.label;
        // mousedown would blur the input (and close the list) before the click lands.
        option.addEventListener('mousedown', function (e) { e.preventDefault(); });
        option.addEventListener('click', function () { pick(i); });
        box.appendChild(option);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      box.hidden = list.length === 0;
      input.setAttribute('aria-expanded', list.length === 0 ? 'false' : 'true');
    }
    function search() {
      var query = input.value.trim();
      var mine = ++asked;
      fetch(options.source(query), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) {
          if (mine !== asked) { return; } // an older answer arriving late must not replace a newer one
          var list = items.map(function (item) { return { label: options.label(item), choose: function () { options.choose(item); } }; });
          show(list.concat(options.extra ? options.extra(query) : []));
        });
    }

    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 200); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        if (box.hidden) { search(); } else { highlight(active + 1); }
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        if (!box.hidden) { highlight(active - 1); }
      } else if (e.key === 'Enter') {
        // Enter in a picker never submits the whole form.
        e.preventDefault();
        if (!box.hidden && active >= 0) { pick(active); }
      } else if (e.key === 'Escape') {
        if (!box.hidden) { e.preventDefault(); close(); }
      } else if (e.key === 'Tab') {
        close();
      }
    });
    input.addEventListener('blur', close);
    close();
  }

  // A related-link target: hidden id, search box (shown only with script), "Links to" line, address field.
  // Picking an article stores its id and clears the address; typing an address drops the picked article.
  function wireArticles(root) {
    root.querySelectorAll('[data-article-picker]').forEach(function (picker) {
      if (picker.dataset.wired) { return; }
      picker.dataset.wired = 'true';
      var search = picker.querySelector('[data-search]');
      var target = picker.querySelector('[data-target]');
      var address = picker.querySelector('[data-url]');
      var chosen = picker.querySelector('[data-chosen]');
      search.hidden = false;
      attach(search, picker.querySelector('.suggestions'), {
        source: function (q) { return '/admin/articles/search?q=' + encodeURIComponent(q); },
        label: function (a) { return a.headline + ' — ' + a.url; },
        choose: function (a) {
          target.value = a.id;
          search.value = a.headline;
          address.value = '';
          chosen.textContent = 'Links to “' + a.headline + '” (' + a.url + ')';
        }
      });
      search.addEventListener('input', function () {
        if (!search.value) { target.value = ''; chosen.textContent = ''; }
      });
      address.addEventListener('input', function () {
        if (address.value) { target.value = ''; search.value = ''; chosen.textContent = ''; }
      });
    });
  }

  wireArticles(document);
  return { attach: attach, wireArticles: wireArticles };
})();
