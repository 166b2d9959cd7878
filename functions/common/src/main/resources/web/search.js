/* Go:goroutine site search: upgrades the header's search form (a plain GET {base}/search without JavaScript) to
   results as you type from GET {base}/api/search, as an ARIA combobox with a listbox. Plain ES2020. */
(() => {
  'use strict';
  const form = document.querySelector('form.site-search');
  const input = form && form.querySelector('input[name=q]');
  if (!input || !window.fetch || !window.AbortController) return;

  const base = (document.body.dataset.base || '').replace(/\/+$/, '');
  const MIN_CHARS = 2, DELAY = 150, MAX_RESULTS = 8, SNIPPET = 130;
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  };

  const popup = el('div', 'search-popup');
  const list = el('ul', 'search-results');
  const foot = el('p', 'search-foot');
  const status = el('p', 'visually-hidden');
  list.id = 'site-search-results';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  status.setAttribute('role', 'status');
  popup.hidden = true;
  popup.append(list, foot);
  form.append(popup, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let timer = 0, controller = null, results = [], active = -1, shownFor = '';

  const isOpen = () => !popup.hidden;
  function open() {
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }
  function close() {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }
  function setActive(i) {
    const options = list.children;
    if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
    active = i;
    if (i >= 0 && options[i]) {
      options[i].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }
  function follow(i) {
    const target = results[i];
    if (!target) return;
    close();
    const url = new URL(base + target.url, location.href);
    if (url.pathname === location.pathname && url.hash) {
      // same page: move to the section and put the reader there
      location.hash = url.hash;
      const section = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (section) {
        section.setAttribute('tabindex', '-1');
        section.focus({ preventScroll: true });
      }
    } else {
      location.assign(url.href);
    }
  }

  const words = (q) => q.toLowerCase().split(/[^\p{L}\p{N}_.]+/u).filter((w) => w.length > 1);

  /** The passage without its heading line, cut around the first word of the query, with the words marked. */
  function snippet(result, terms) {
    let text = String(result.text || '');
    const newline = text.indexOf('\n');
    if (newline > 0 && text.slice(0, newline).trim() === String(result.section || '').trim()) text = text.slice(newline + 1);
    text = text.replace(/\s+/g, ' ').trim();
    const lower = text.toLowerCase();
    const at = terms.map((t) => lower.indexOf(t)).filter((n) => n >= 0).sort((a, b) => a - b)[0] || 0;
    let start = Math.max(0, at - 40);
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    let cut = text.slice(start, start + SNIPPET);
    if (start + SNIPPET < text.length) cut = cut.replace(/\s+\S*$/, '') + ' …';
    if (start > 0) cut = '… ' + cut;
    const span = el('span', 'search-hit-text');
    if (!terms.length) {
      span.textContent = cut;
      return span;
    }
    const pattern = new RegExp('(' + terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')', 'gi');
    cut.split(pattern).forEach((part, n) => span.append(n % 2 ? el('mark', null, part) : document.createTextNode(part)));
    return span;
  }

  function show(query, data) {
    const seen = new Set();
    results = (Array.isArray(data && data.results) ? data.results : [])
      .filter((r) => r && typeof r.url === 'string' && r.url.startsWith('/') && !r.url.startsWith('//'))
      .filter((r) => !seen.has(r.url) && seen.add(r.url))
      .slice(0, MAX_RESULTS);
    const terms = words(query);
    list.replaceChildren(...results.map((r, i) => {
      const option = el('li');
      option.id = 'site-search-option-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.append(el('span', 'search-hit-page', String(r.title || '')),
        el('span', 'search-hit-section', String(r.section || '')), snippet(r, terms));
      return option;
    }));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const all = el('a', null, 'All results');
    all.href = base + '/search?q=' + encodeURIComponent(query);
    foot.replaceChildren(el('span', null, results.length ? results.length + (results.length === 1 ? ' result' : ' results') +
      ' · ↑↓ to choose, Enter to open' : 'No results for “' + query + '”'), all);
    list.hidden = !results.length;
    status.textContent = results.length
      ? results.length + (results.length === 1 ? ' result' : ' results') + ', use the up and down arrows to choose'
      : 'No results';
    shownFor = query;
    open();
  }

  async function search(query) {
    if (controller) controller.abort();
    controller = new AbortController();
    const mine = controller;
    try {
      const response = await fetch(base + '/api/search?q=' + encodeURIComponent(query),
        { headers: { Accept: 'application/json' }, signal: mine.signal });
      const data = response.ok ? await response.json() : { results: [] };
      if (mine === controller && input.value.trim() === query) show(query, data);
    } catch (e) {
      if (e.name !== 'AbortError' && mine === controller) {
        status.textContent = 'Search is not available right now; press Enter for the results page.';
      }
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < MIN_CHARS) {
      if (controller) controller.abort();
      shownFor = '';
      close();
      return;
    }
    timer = setTimeout(() => search(query), DELAY);
  });

  input.addEventListener('keydown', (event) => {
    const count = results.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        if (!isOpen()) {
          open();
          setActive(event.key === 'ArrowDown' ? 0 : count - 1);
        } else {
          setActive(event.key === 'ArrowDown' ? (active + 1) % count : (active <= 0 ? count - 1 : active - 1));
        }
        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          follow(active);
        }
        break;
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          results = [];
          shownFor = '';
        }
        break;
      default:
    }
  });

  input.addEventListener('focus', () => {
    if (shownFor && shownFor === input.value.trim()) open();
  });
  // a click on a result must not blur the field first
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = event.target.closest('[role=option]');
    if (option) follow([...list.children].indexOf(option));
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget)) close();
  });
})();
