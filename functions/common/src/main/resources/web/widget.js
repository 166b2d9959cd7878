/* gopher-site chat widget: upgrades the "Ask about Go" link to a panel asking POST {base}/ask. Plain ES2020. */
(() => {
  'use strict';
  const link = document.getElementById('ask-open');
  if (!link || !window.fetch || !window.AbortController) return;

  const base = (document.body.dataset.base || '').replace(/\/+$/, '');
  const STORE = 'gopher-site.ask.v1';
  const TIMEOUT = 30000, MAX_Q = 1000, HISTORY = 6, HISTORY_CHARS = 4000, KEEP = 20;
  const STARTERS = ['What is a goroutine?', 'Why did the TypeScript team pick Go?', 'How does Go handle errors?',
    'What does the Go 1 compatibility promise guarantee?'];
  const BADGES = { extractive: 'Answered from the pages without the AI model', refused: 'Not covered by this site' };
  const svg = (d) => '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">' + d + '</svg>';
  const line = (d) => svg('<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="' + d + '"/>');
  const ICON = {
    spark: svg('<path fill="currentColor" d="M11 2l2 6 6 2-6 2-2 6-2-6-6-2 6-2zM19 15l1 2.5 2.5 1-2.5 1L19 22l-1-2.5-2.5-1 2.5-1z"/>'),
    close: line('M6 6l12 12M18 6L6 18'),
    send: line('M12 19V5M5 12l7-7 7 7'),
    up: line('M7 10v11H3V10zm0 0l4-8a3 3 0 013 3v4h5.5a2 2 0 012 2.3l-1.4 8A2 2 0 0118 21H7'),
    down: line('M17 14V3h4v11zm0 0l-4 8a3 3 0 01-3-3v-4H4.5a2 2 0 01-2-2.3l1.4-8A2 2 0 016 3h11')
  };

  // safe Markdown: everything is escaped first, then only our own tags are added
  const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

  function inline(text, cites) {
    const codes = [];
    return esc(text)
      .replace(/`([^`\n]+)`/g, (_, c) => '\u0001' + (codes.push(c) - 1) + '\u0002')
      .replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*\w])\*(?=[^\s*])([^*]+?)\*(?![*\w])/g, '$1<em>$2</em>')
      .replace(/\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]/g, (all, list) => {
        const ns = list.split(',').map(Number);
        if (!ns.every((n) => n >= 1 && n <= cites.length)) return all;
        return ns.map((n) => '<a class="ask-cite" href="' + esc(cites[n - 1].href) + '" title="' + esc(cites[n - 1].label) +
          '" aria-label="Source ' + n + ': ' + esc(cites[n - 1].label) + '">' + n + '</a>').join('');
      })
      .replace(/\u0001(\d+)\u0002/g, (_, i) => '<code>' + codes[i] + '</code>');
  }

  function markdown(md, cites) {
    const lines = String(md || '').replace(CONTROL, '').replace(/\r\n?/g, '\n').split('\n');
    const out = [];
    let para = [], list = null, m;
    const flush = () => {
      if (para.length) out.push('<p>' + inline(para.join(' '), cites) + '</p>');
      if (list) {
        out.push('<' + list.tag + (list.start > 1 ? ' start="' + list.start + '"' : '') + '>' +
          list.items.map((i) => '<li>' + inline(i, cites) + '</li>').join('') + '</' + list.tag + '>');
      }
      para = [];
      list = null;
    };
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if ((m = l.match(/^\s{0,3}(`{3,}|~{3,})\s*([\w+#-]*)/))) {
        flush();
        const code = [];
        for (i++; i < lines.length && !lines[i].trim().startsWith(m[1]); i++) code.push(lines[i]);
        out.push('<pre><code' + (m[2] ? ' class="language-' + esc(m[2].toLowerCase()) + '"' : '') + '>' +
          esc(code.join('\n')) + '</code></pre>');
      } else if (!l.trim()) {
        flush();
      } else if ((m = l.match(/^\s{0,3}#{1,6}\s+(.*?)[\s#]*$/))) {
        flush();
        out.push('<p class="ask-h"><strong>' + inline(m[1], cites) + '</strong></p>');
      } else if ((m = l.match(/^\s{0,3}([-*+]|(\d{1,3})[.)])\s+(.*)$/))) {
        const tag = m[2] ? 'ol' : 'ul';
        if (!list || list.tag !== tag) { flush(); list = { tag, start: Number(m[2] || 1), items: [] }; }
        list.items.push(m[3]);
      } else if (list) {
        list.items[list.items.length - 1] += ' ' + l.trim();
      } else {
        para.push(l.trim());
      }
    }
    flush();
    return out.join('');
  }

  function el(tag, attrs, kids) {
    const n = document.createElement(tag);
    if (tag === 'button') n.type = 'button';
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'text') n.textContent = v;
      else if (k === 'html') n.innerHTML = v;
      else n.setAttribute(k, v === true ? '' : v);
    }
    for (const c of [].concat(kids || [])) if (c) n.append(c);
    return n;
  }
  const on = (n, type, f) => n.addEventListener(type, f);

  // the conversation, kept for this tab
  let turns = [], pending = false, rendered = false;
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORE) || '[]');
    if (Array.isArray(saved)) turns = saved.filter((t) => t && typeof t.q === 'string' && t.a && typeof t.a.answer === 'string' && Array.isArray(t.a.sources));
  } catch (e) { /* unreadable: start fresh */ }
  const save = () => {
    turns = turns.slice(-KEEP);
    try { sessionStorage.setItem(STORE, JSON.stringify(turns)); } catch (e) { /* full or disabled: not kept */ }
  };
  // the last turns, oldest dropped first while the body would pass the API's 16 KB limit
  const history = (q) => {
    let h = turns.flatMap((t) => [
      { role: 'user', content: t.q.slice(0, HISTORY_CHARS) },
      { role: 'assistant', content: t.a.answer.slice(0, HISTORY_CHARS) }
    ]).slice(-HISTORY);
    while (h.length && new Blob([JSON.stringify({ question: q, history: h })]).size > 15000) h = h.slice(2);
    return h;
  };
  const str = (v) => (typeof v === 'string' ? v : '');
  const keep = (r) => ({
    id: str(r.id), answer: r.answer, mode: str(r.mode), model: str(r.model),
    sources: (Array.isArray(r.sources) ? r.sources : []).filter(Boolean).slice(0, 8).map((s) => ({
      slug: str(s.slug), title: str(s.title), section: str(s.section), url: str(s.url), text: str(s.text).slice(0, 400)
    }))
  });

  const opener = el('button', {
    id: 'ask-open', class: link.className || 'ask-open', 'aria-haspopup': 'dialog',
    'aria-expanded': 'false', 'aria-controls': 'ask-panel',
    html: ICON.spark + '<span>' + esc(link.textContent.trim() || 'Ask about Go') + '</span>'
  });
  link.replaceWith(opener);

  const closeBtn = el('button', { class: 'ask-icon', 'aria-label': 'Close', html: ICON.close });
  const clearBtn = el('button', { class: 'ask-btn', text: 'Clear' });
  const starters = el('ul', { class: 'ask-starters', 'aria-label': 'Suggested questions' },
    STARTERS.map((q) => el('li', null, el('button', { class: 'ask-starter', text: q }))));
  const intro = el('div', { class: 'ask-intro' }, [
    el('p', { text: 'Answers come only from the pages of this site, with links to the sections they use.' }),
    el('p', { class: 'ask-label', text: 'Try one of these' }), starters
  ]);
  const log = el('div', { class: 'ask-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' });
  const status = el('p', { class: 'ask-sr', role: 'status' });
  const scroller = el('div', { class: 'ask-body' }, [intro, log, status]);
  const input = el('textarea', {
    id: 'ask-input', class: 'ask-input', name: 'question', rows: '1', maxlength: String(MAX_Q),
    placeholder: 'Ask a question about Go…', 'aria-describedby': 'ask-hint', enterkeyhint: 'send'
  });
  const sendBtn = el('button', { type: 'submit', class: 'ask-send', 'aria-label': 'Send', html: ICON.send });
  const form = el('form', { class: 'ask-bar' }, [
    el('label', { for: 'ask-input', class: 'ask-sr', text: 'Your question' }),
    el('div', { class: 'ask-field' }, [input, sendBtn]),
    el('p', { class: 'ask-hint', id: 'ask-hint', text: 'Enter sends · Shift+Enter adds a line · Esc closes' })
  ]);
  const panel = el('div', { id: 'ask-panel', class: 'ask-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ask-title', hidden: true }, [
    el('div', { class: 'ask-head' }, [
      el('h2', { id: 'ask-title', class: 'ask-title', html: '<span class="ask-logo" aria-hidden="true">Go</span>Ask about Go' }),
      clearBtn, closeBtn
    ]),
    scroller, form
  ]);
  document.body.append(panel);

  const show = (open) => {
    panel.hidden = !open;
    opener.setAttribute('aria-expanded', String(open));
  };
  const refresh = () => {
    const empty = log.childElementCount === 0;
    intro.hidden = !empty;
    clearBtn.hidden = empty;
  };
  function open() {
    if (!rendered) {
      rendered = true;
      for (const t of turns) log.append(question(t.q), el('article', { class: 'ask-a' }, answer(t)));
    }
    refresh();
    show(true);
    scroller.scrollTop = scroller.scrollHeight;
    input.focus();
  }
  function close() {
    if (panel.hidden) return;
    show(false);
    opener.focus();
  }

  on(opener, 'click', () => (panel.hidden ? open() : close()));
  on(closeBtn, 'click', close);
  on(document, 'keydown', (e) => {
    if (e.key === 'Escape' && !e.isComposing && !panel.hidden) { e.preventDefault(); close(); }
  });
  on(clearBtn, 'click', () => {
    turns = [];
    save();
    log.replaceChildren();
    refresh();
    status.textContent = 'Conversation cleared.';
    input.focus();
  });
  on(starters, 'click', (e) => {
    const b = e.target.closest('button');
    if (b) submit(b.textContent);
  });
  on(input, 'keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(input.value); }
  });
  on(form, 'submit', (e) => { e.preventDefault(); submit(input.value); });
  // on a phone the panel covers the page: get out of the way when a citation points into this page
  on(panel, 'click', (e) => {
    const a = e.target.closest('a[href]');
    if (a && a.pathname === location.pathname && a.hash && matchMedia('(max-width: 640px)').matches) show(false);
  });

  const question = (q) => el('div', { class: 'ask-q' }, el('p', { text: q }));

  function submit(text) {
    const q = String(text || '').replace(CONTROL, '').trim().slice(0, MAX_Q);
    if (!q || pending) return;
    input.value = '';
    const qEl = question(q), article = el('article', { class: 'ask-a' });
    log.append(qEl, article);
    refresh();
    scroller.scrollTop = qEl.offsetTop - 8;
    run(q, article, history(q));
  }

  async function run(q, article, hist) {
    pending = sendBtn.disabled = true;
    article.className = 'ask-a';
    article.setAttribute('aria-busy', 'true');
    const note = el('span', { text: 'Searching the pages…' });
    article.replaceChildren(el('div', { class: 'ask-thinking' }, [
      el('span', { class: 'ask-dots', 'aria-hidden': 'true', html: '<i></i><i></i><i></i>' }), note]));
    const slow = setTimeout(() => { note.textContent = 'Writing the answer…'; }, 2500);
    let turn = null, failure;
    try {
      const { res, json } = await post('/ask', hist.length ? { question: q, history: hist } : { question: q }, TIMEOUT);
      if (res.ok && json && typeof json.answer === 'string') turn = { q, a: keep(json) };
      else failure = errorText(res.status, json);
    } catch (e) {
      failure = e.name === 'AbortError' ? 'No answer within ' + TIMEOUT / 1000 + ' seconds.' : 'Could not reach the site. Check your connection.';
    }
    clearTimeout(slow);
    pending = sendBtn.disabled = false;
    if (turn) {
      if (article.isConnected) turns.push(turn);
      save();
      article.replaceChildren(...answer(turn));
    } else {
      const retry = el('button', { class: 'ask-btn', text: 'Retry' });
      on(retry, 'click', () => pending || run(q, article, hist));
      article.replaceChildren(el('div', { class: 'ask-fail', role: 'alert' }, [el('p', { text: failure }), retry]));
    }
    article.removeAttribute('aria-busy');
  }

  async function post(path, body, ms) {
    const ctl = new AbortController(), timer = setTimeout(() => ctl.abort(), ms);
    try {
      const res = await fetch(base + path, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body), signal: ctl.signal
      });
      return { res, json: await res.json().catch(() => null) };
    } finally {
      clearTimeout(timer);
    }
  }
  const serverMessage = (json) => (json && json.error && typeof json.error.message === 'string' ? json.error.message : '');
  const errorText = (code, json) => (code === 429 ? 'Too many questions right now. Wait a moment, then retry.'
    : serverMessage(json) || 'The site could not answer (error ' + code + ').');

  // section is the heading (the page title for a page's introduction); url is /{slug}#{sectionId}
  function cite(s, i) {
    const url = /^\/(?![/\\])/.test(s.url) ? s.url : '/' + encodeURIComponent(s.slug);
    const title = s.title || s.slug, heading = s.section === title ? '' : s.section;
    return {
      n: String(i + 1), href: base + url, title, heading, label: heading ? title + ' › ' + heading : title,
      snippet: s.text.split('\n').slice(1).join(' ').trim()
    };
  }

  function answer(turn) {
    const r = turn.a, cites = r.sources.map(cite), parts = [];
    if (BADGES[r.mode]) parts.push(el('p', { class: 'ask-mode ask-' + r.mode, text: BADGES[r.mode] }));
    parts.push(el('div', { class: 'ask-md', html: markdown(r.answer, cites) }));
    // the sources the answer cites, under the numbers it cites them by; all of them when it cites none
    const cited = (r.answer.match(/\[[\d, ]+\]/g) || []).join().match(/\d+/g) || [];
    const shown = cites.filter((c) => cited.includes(c.n));
    if (cites.length) {
      parts.push(el('div', { class: 'ask-refs' }, [
        el('h3', { text: r.mode === 'refused' ? 'Closest pages' : 'Sources' }),
        el('ol', null, (shown.length ? shown : cites).map((c) => el('li', null, el('a', { class: 'ask-source', href: c.href }, [
          el('span', { class: 'ask-n', 'aria-hidden': 'true', text: c.n }),
          el('span', null, [
            el('b', { text: c.title }),
            c.heading && el('span', { class: 'ask-heading', text: c.heading }),
            el('span', { class: 'ask-snippet', text: c.snippet })
          ])
        ]))))
      ]));
    }
    if (r.mode === 'llm' && r.model) parts.push(el('p', { class: 'ask-meta', text: 'Written by ' + r.model + ' from the sources above.' }));
    if (/^[\w-]{8,64}$/.test(r.id)) parts.push(feedback(turn));
    return parts;
  }

  function feedback(turn) {
    const vote = (v, name) => el('button', { class: 'ask-vote', 'aria-pressed': 'false', title: name, html: ICON[v] + '<span class="ask-sr">' + name + '</span>' });
    const up = vote('up', 'Helpful'), down = vote('down', 'Not helpful');
    const note = el('span', { class: 'ask-note', role: 'status' });
    const box = el('div', { class: 'ask-feedback' }, [el('span', { text: 'Was this helpful?' }), up, down, note]);
    const press = (v) => { up.setAttribute('aria-pressed', String(v === 'up')); down.setAttribute('aria-pressed', String(v === 'down')); };
    const done = (v) => { press(v); up.disabled = down.disabled = true; note.textContent = 'Thanks for the feedback.'; };
    if (turn.vote) { done(turn.vote); return box; }

    async function send(v, comment) {
      press(v);
      up.disabled = down.disabled = true;
      note.className = 'ask-note';
      note.textContent = 'Sending…';
      const body = { answerId: turn.a.id, vote: v };
      if (comment) body.comment = comment.slice(0, 1000);
      try {
        const { res, json } = await post('/api/feedback', body, 10000);
        if (!res.ok) throw new Error(serverMessage(json) || 'error ' + res.status);
        box.parentNode.querySelectorAll('.ask-why').forEach((f) => f.remove());
        turn.vote = v;
        save();
        done(v);
      } catch (e) {
        up.disabled = down.disabled = false;
        note.className = 'ask-note is-error';
        note.textContent = 'Not sent: ' + (e.name === 'AbortError' ? 'no answer from the site.' : e.message || 'network error.');
      }
    }

    on(up, 'click', () => send('up'));
    on(down, 'click', () => {
      press('down');
      if (box.nextElementSibling) return;
      const id = 'ask-why-' + turn.a.id;
      const comment = el('textarea', { id, rows: '2', maxlength: '1000', placeholder: 'Optional' });
      const skip = el('button', { class: 'ask-btn', text: 'Skip' });
      const why = el('form', { class: 'ask-why' }, [
        el('label', { for: id, text: 'What was wrong or missing?' }), comment,
        el('div', null, [el('button', { type: 'submit', class: 'ask-btn ask-primary', text: 'Send feedback' }), skip])
      ]);
      on(why, 'submit', (e) => { e.preventDefault(); send('down', comment.value.trim()); });
      on(skip, 'click', () => send('down'));
      box.after(why);
      comment.focus();
    });
    return box;
  }
})();
