// The article editor's enhancements. Without this file the form still works: block buttons post
// the form and the server adds/moves/removes; with it they act in place. Plain DOM, no framework.
(function () {
  'use strict';
  var form = document.getElementById('article-editor');
  if (!form) { return; }
  var token = (form.querySelector('input[name=__RequestVerificationToken]') || {}).value || '';
  var list = document.getElementById('blocks');

  function post(url, body) {
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'RequestVerificationToken': token } });
  }

  // ---- headline counter, slug, public URL ----
  var headline = document.getElementById('Headline');
  var counter = document.getElementById('headline-counter');
  var slug = document.getElementById('Slug');
  var section = document.getElementById('Section');
  var url = document.getElementById('public-url');
  function slugify(text) {
    return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
  }
  function refreshHead() {
    var length = headline.value.length;
    counter.textContent = length + '/200';
    counter.classList.toggle('over', length > 200);
    if (slug.dataset.auto === 'true') { slug.value = slugify(headline.value); }
    var s = slugify(slug.value || headline.value);
    url.textContent = s ? '/' + (section.value || 'news') + '/' + s : '(set a headline)';
  }
  headline.addEventListener('input', refreshHead);
  slug.addEventListener('input', function () { slug.dataset.auto = slug.value ? 'false' : 'true'; refreshHead(); });
  section.addEventListener('change', refreshHead);

  // ---- blocks: add, move, remove, renumber, ad map ----
  function blocks() { return Array.prototype.slice.call(list.querySelectorAll(':scope > li.block')); }
  function renumber() {
    blocks().forEach(function (li, i) {
      li.querySelectorAll('[name^="Blocks["]').forEach(function (el) { el.name = el.name.replace(/^Blocks\[[^\]]*\]/, 'Blocks[' + i + ']'); });
      li.querySelectorAll('button[name=command]').forEach(function (b) { b.value = b.value.replace(/:.*$/, ':' + i); });
    });
    refreshAdMap();
  }
  var adTimer;
  function refreshAdMap() {
    clearTimeout(adTimer);
    adTimer = setTimeout(function () {
      var types = blocks().map(function (li) { return li.dataset.type; }).join(',');
      fetch(list.dataset.admap + '?types=' + encodeURIComponent(types), { credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (plan) {
          list.querySelectorAll(':scope > li.ad-marker').forEach(function (m) { m.remove(); });
          var all = blocks();
          plan.after.forEach(function (i) {
            var marker = document.createElement('li');
            marker.className = 'ad-marker';
            marker.setAttribute('aria-hidden', 'true');
            marker.textContent = 'Automatic ad will appear here';
            all[i].after(marker);
          });
          var n = plan.after.length;
          document.getElementById('admap-summary').textContent = n === 0 ? 'No automatic ads in this body under the current rules.' : n + ' automatic ad' + (n === 1 ? '' : 's') + ' will appear where marked.';
        });
    }, 150);
  }
  form.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button) { return; }
    var li = button.closest('li.block');
    if (button.dataset.add) {
      e.preventDefault();
      var template = document.getElementById('block-' + button.dataset.add);
      list.appendChild(template.content.cloneNode(true));
      renumber();
      var added = blocks().pop();
      wire(added);
      var first = added.querySelector('textarea, input:not([type=hidden]), select');
      if (first) { first.focus(); }
    } else if (li && button.dataset.move) {
      e.preventDefault();
      var all = blocks();
      var index = all.indexOf(li);
      var target = all[index + Number(button.dataset.move)];
      if (!target) { return; }
      if (Number(button.dataset.move) < 0) { target.before(li); } else { target.after(li); }
      renumber();
      button.focus();
    } else if (li && button.hasAttribute('data-remove')) {
      e.preventDefault();
      var next = li.nextElementSibling;
      li.remove();
      renumber();
      var focus = next && next.closest('li.block') ? next.querySelector('button') : headline;
      if (focus) { focus.focus(); }
    } else if (button.hasAttribute('data-library')) {
      e.preventDefault();
      openLibrary(button.closest('[data-image]'));
    }
  });

  // ---- pickers (the shared combobox in picker.js) ----
  // Byline picker: chips of hidden BylineIds inputs; an author with the right may create one inline.
  var bylines = document.getElementById('bylines');
  var chips = document.getElementById('byline-chips');
  var bylineSearch = document.getElementById('byline-search');
  function addByline(item) {
    bylineSearch.value = '';
    if (chips.querySelector('input[value="' + CSS.escape(item.id) + '"]')) { return; }
    var chip = document.createElement('li');
    var hidden = document.createElement('input');
    hidden.type = 'hidden'; hidden.name = 'BylineIds'; hidden.value = item.id;
    var remove = document.createElement('button');
    remove.type = 'button'; remove.textContent = '×'; remove.setAttribute('data-remove-byline', ''); remove.setAttribute('aria-label', 'Remove ' + item.name);
    chip.append(hidden, document.createTextNode(item.name), remove);
    chips.appendChild(chip);
  }
  chips.addEventListener('click', function (e) { if (e.target.hasAttribute('data-remove-byline')) { e.target.closest('li').remove(); bylineSearch.focus(); } });
  function createByline(name) {
    var body = new FormData(); body.append('name', name);
    post('/admin/articles/bylines', body).then(function (r) { return r.json(); }).then(function (item) { if (item.id) { addByline(item); } });
  }
  NewsroomPicker.attach(bylineSearch, bylines.querySelector('.suggestions'), {
    source: function (q) { return '/admin/articles/bylines?q=' + encodeURIComponent(q); },
    label: function (b) { return b.name; },
    choose: addByline,
    extra: function (q) {
      return bylines.dataset.canCreate === 'true' && q !== ''
        ? [{ label: 'Create byline “' + q + '”', choose: function () { createByline(q); } }]
        : [];
    }
  });

  // Related-link pickers (picker.js wires those on the page) and image fields, for every added block too.
  function wire(root) {
    NewsroomPicker.wireArticles(root);
    root.querySelectorAll('[data-upload]').forEach(function (file) {
      file.addEventListener('change', function () {
        if (!file.files.length) { return; }
        var body = new FormData(); body.append('file', file.files[0]);
        post('/admin/media/upload', body).then(function (r) { if (!r.ok) { throw new Error('Upload refused (' + r.status + ')'); } return r.json(); })
          .then(function (m) { fill(file.closest('[data-image]'), m); })
          .catch(function (e) { alert(e.message); });
      });
    });
  }
  function fill(field, media) {
    field.querySelector('[data-src]').value = media.src;
    field.querySelector('[data-width]').value = media.width;
    field.querySelector('[data-height]').value = media.height;
    var thumb = field.querySelector('img.thumb');
    if (thumb) { thumb.src = media.src; thumb.hidden = false; }
  }
  var library = document.getElementById('library');
  function openLibrary(field) {
    fetch('/admin/media?format=json', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (items) {
      var ul = library.querySelector('ul');
      ul.innerHTML = '';
      items.forEach(function (m) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button'; b.className = 'pick';
        var img = document.createElement('img'); img.src = m.src; img.alt = m.name;
        b.appendChild(img);
        b.addEventListener('click', function () { fill(field, m); library.close(); });
        li.appendChild(b); ul.appendChild(li);
      });
      library.showModal();
    });
  }
  wire(document);

  // ---- soft lock: heartbeat, take-over notice ----
  // data-lock: "held" (this page holds the lock), "other" (someone else does; the page beats so it gets
  // the lock when theirs expires), "released" (just published/closed: the lock is taken again on typing).
  var holding = form.dataset.lock === 'held';
  if (form.dataset.heartbeat) {
    var beating = false;
    var beat = function () {
      var body = new FormData(); body.append('holding', holding ? 'true' : 'false');
      post('/admin/articles/' + encodeURIComponent(form.dataset.id) + '/heartbeat', body)
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (state) {
          if (!state) { return; }
          holding = state.held;
          var banner = document.getElementById('lock-banner');
          if (state.held) {
            if (banner) { banner.remove(); }
          } else {
            showLockBanner(banner, state.notice);
          }
        });
    };
    var start = function () {
      if (beating) { return; }
      beating = true;
      beat();
      setInterval(beat, Number(form.dataset.heartbeat) * 1000);
      // A tab coming back to the front learns at once whether someone took over meanwhile.
      window.addEventListener('focus', beat);
      document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'visible') { beat(); } });
    };
    if (form.dataset.lock === 'released') {
      form.addEventListener('input', start, { once: true });
    } else {
      start();
    }
  }
  // Taking over in place keeps whatever is typed in the form (a page reload would lose it).
  document.addEventListener('submit', function (e) {
    var banner = e.target.closest('#lock-banner');
    if (!banner) { return; }
    e.preventDefault();
    post(e.target.action, new FormData()).then(function (r) {
      if (!r.ok) { return; }
      holding = true;
      banner.remove();
    });
  });
  function showLockBanner(banner, notice) {
    if (banner && banner.dataset.notice === notice) { return; }
    if (!banner) {
      banner = document.createElement('div');
      banner.className = 'lock'; banner.id = 'lock-banner'; banner.setAttribute('role', 'alert');
      form.before(banner);
    }
    banner.textContent = '';
    banner.dataset.notice = notice;
    var text = document.createElement('strong');
    text.textContent = notice;
    var takeOver = document.createElement('form');
    takeOver.method = 'post'; takeOver.className = 'inline';
    takeOver.action = '/admin/articles/' + encodeURIComponent(form.dataset.id) + '/takeover';
    var hidden = document.createElement('input');
    hidden.type = 'hidden'; hidden.name = '__RequestVerificationToken'; hidden.value = token;
    var button = document.createElement('button');
    button.type = 'submit'; button.id = 'take-over'; button.textContent = 'Take over editing';
    takeOver.append(hidden, button);
    banner.append(text, ' ', takeOver);
  }
})();
