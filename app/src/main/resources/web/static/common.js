// Verbatim web UI: shared helpers. Customer text is hostile: it is only ever inserted with
// textContent (or as text nodes); nothing here assigns innerHTML.
'use strict';

const VB = (() => {
  function cookie(name) {
    for (const part of document.cookie.split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === name) return decodeURIComponent(v.join('='));
    }
    return '';
  }

  async function api(path, opts = {}) {
    const init = { method: opts.method || 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (init.method !== 'GET') {
      init.headers['X-CSRF-Token'] = cookie('vb_csrf');
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.body || {});
    }
    const res = await fetch(path, init);
    if (res.status === 401 && path !== '/api/session') { location.href = '/login'; throw new Error('log in first'); }
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      const err = new Error((data && data.message) || ('HTTP ' + res.status));
      err.status = res.status; err.code = data && data.error;
      throw err;
    }
    return data;
  }

  // el('div', {class: 'x', href: '/y', onclick: fn}, 'text', childNode, ...)
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
  function unescape(s) {
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, n) => {
      if (ENTITIES[n] !== undefined) return ENTITIES[n];
      if (n[0] === '#') {
        const cp = n[1] === 'x' || n[1] === 'X' ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
        try { return String.fromCodePoint(cp); } catch (e) { return m; }
      }
      return m;
    });
  }

  // A highlight from the index is escaped text with <mark>…</mark> around matches: split on the
  // tags, unescape the pieces, and build text nodes and <mark> elements (no HTML parsing at all).
  function highlight(html) {
    const frag = document.createDocumentFragment();
    const parts = html.split(/(<mark>|<\/mark>)/);
    let inMark = false;
    for (const p of parts) {
      if (p === '<mark>') { inMark = true; continue; }
      if (p === '</mark>') { inMark = false; continue; }
      if (!p) continue;
      const text = unescape(p);
      frag.appendChild(inMark ? el('mark', {}, text) : document.createTextNode(text));
    }
    return frag;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  function svg(tag, attrs, ...children) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  // Bars per time bucket, the negative part darker; a title per bar says the figures.
  function histogram(buckets, width, height) {
    const max = Math.max(1, ...buckets.map(b => b.count));
    const w = width / Math.max(1, buckets.length);
    const g = svg('svg', { viewBox: `0 0 ${width} ${height + 14}`, class: 'histogram', role: 'img',
      'aria-label': 'records per time bucket' });
    buckets.forEach((b, i) => {
      const h = b.count / max * height;
      const hn = b.negative / max * height;
      const title = svg('title', {}, `${b.start}: ${b.count} records, ${Math.round(100 * b.negative_share)}% negative`);
      const bar = svg('g', { class: 'bar' }, title,
        svg('rect', { x: i * w + 0.5, y: height - h, width: Math.max(1, w - 1), height: h, class: 'all' }),
        svg('rect', { x: i * w + 0.5, y: height - hn, width: Math.max(1, w - 1), height: hn, class: 'neg' }));
      g.appendChild(bar);
    });
    if (buckets.length) {
      g.appendChild(svg('text', { x: 0, y: height + 12, class: 'axis' }, buckets[0].start));
      g.appendChild(svg('text', { x: width, y: height + 12, class: 'axis', 'text-anchor': 'end' }, buckets[buckets.length - 1].start));
    }
    return g;
  }

  function sparkline(values, width, height) {
    const max = Math.max(1, ...values);
    const step = width / Math.max(1, values.length - 1);
    const pts = values.map((v, i) => `${(i * step).toFixed(1)},${(height - v / max * (height - 2) - 1).toFixed(1)}`).join(' ');
    return svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'spark', role: 'img',
      'aria-label': 'weekly volume' }, svg('polyline', { points: pts, fill: 'none' }));
  }

  function chip(text, cls, href) {
    return href ? el('a', { class: 'chip ' + (cls || ''), href }, text) : el('span', { class: 'chip ' + (cls || '') }, text);
  }

  function pct(x) { return (100 * x).toFixed(0) + '%'; }

  function interval(i) {
    return i && typeof i.estimate === "number" ? `${i.estimate.toFixed(2)} [${i.ci_low.toFixed(2)}, ${i.ci_high.toFixed(2)}]` : "n/a";
  }

  async function me() {
    const m = await api('/api/me');
    document.body.dataset.role = m.role;
    const who = document.getElementById('who');
    if (who) who.textContent = m.tokens_required ? `${m.name} (${m.role})` : 'local';
    return m;
  }

  function showError(node, err) {
    clear(node).appendChild(el('p', { class: 'error', role: 'alert' }, err.message || String(err)));
  }

  return { api, el, highlight, clear, histogram, sparkline, chip, pct, interval, me, showError, cookie, unescape };
})();
