'use strict';
// Search page: the URL holds the whole state (?q=…&channel=…&topic=…&offset=…), so a search can be
// linked (the friction report and topic explorer link here) and Back works.
(() => {
  const { api, el, clear, highlight, histogram, chip, pct, interval } = VB;
  const FILTERS = ['channel', 'sentiment', 'topic', 'segment', 'language', 'source', 'account', 'plan'];
  const FACET_NAMES = { channel: 'Channel', sentiment: 'Sentiment', topic: 'Topic', segment: 'Segment', language: 'Language', source: 'Source' };
  const PAGE = 20;
  let topicLabels = {};
  let accuracy = null;

  function state() { return new URLSearchParams(location.search); }

  function go(params, replace) {
    const url = '/?' + params.toString();
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    run();
  }

  function toggle(field, value) {
    const p = state();
    const vals = p.getAll(field);
    p.delete(field);
    const next = vals.includes(value) ? vals.filter(v => v !== value) : vals.concat([value]);
    next.forEach(v => p.append(field, v));
    p.delete('offset');
    go(p);
  }

  function label(id) { return topicLabels[id] && topicLabels[id] !== id ? `${topicLabels[id]} (${id})` : id; }

  async function run() {
    const p = state();
    document.getElementById('q').value = p.get('q') || '';
    document.getElementById('sort').value = p.get('sort') || 'relevance';
    const q = new URLSearchParams(p);
    q.set('facets', 'true'); q.set('histogram', p.get('histogram') || 'week'); q.set('limit', PAGE);
    const hits = document.getElementById('hits');
    try {
      const r = await api('/api/search?' + q.toString());
      render(p, r);
    } catch (e) {
      clear(document.getElementById('facets')); clear(document.getElementById('chart')); clear(document.getElementById('pager'));
      document.getElementById('summary').textContent = '';
      VB.showError(hits, e);
    }
  }

  function render(p, r) {
    const offset = parseInt(p.get('offset') || '0', 10);
    const shown = r.hits.length;
    document.getElementById('summary').textContent =
      `${r.total.toLocaleString('en')} records match` + (shown ? ` · showing ${offset + 1}–${offset + shown}` : '');
    // active filters
    const active = clear(document.getElementById('active'));
    for (const f of FILTERS) for (const v of p.getAll(f)) {
      active.appendChild(el('button', { class: 'chip active', type: 'button', title: 'remove this filter',
        onclick: () => toggle(f, v) }, `${f}: ${f === 'topic' ? label(v) : v} ✕`));
    }
    if (p.get('like')) active.appendChild(el('span', { class: 'chip active' }, 'like ' + p.get('like')));
    // facets
    const facets = clear(document.getElementById('facets'));
    for (const [field, values] of Object.entries(r.facets || {})) {
      const box = el('div', { class: 'facet', 'data-facet': field }, el('h3', {}, FACET_NAMES[field] || field));
      if (field === 'sentiment' && accuracy && accuracy.accuracy) {
        box.appendChild(el('p', { class: 'note', title: 'from reviewer labels on a sample' },
          `machine sentiment accuracy ${interval(accuracy.accuracy)} (${accuracy.labels} labels, 95% CI)`));
      }
      const entries = Object.entries(values).slice(0, 15);
      if (!entries.length) box.appendChild(el('p', { class: 'note' }, 'none'));
      for (const [v, n] of entries) {
        const checked = p.getAll(field).includes(v);
        box.appendChild(el('label', {},
          el('span', {}, el('input', { type: 'checkbox', checked: checked ? 'checked' : null, 'data-value': v,
            onchange: () => toggle(field, v) }), ' ', field === 'topic' ? label(v) : v),
          el('span', { class: 'n' }, n.toLocaleString('en'))));
      }
      facets.appendChild(box);
    }
    // histogram
    const chart = clear(document.getElementById('chart'));
    if (r.histogram && r.histogram.length) {
      chart.appendChild(histogram(r.histogram, 800, 90));
      chart.appendChild(el('p', { class: 'note' }, 'records per week (UTC); the darker part is negative'));
    }
    // hits
    const list = clear(document.getElementById('hits'));
    for (const h of r.hits) {
      const key = h.source + '/' + h.id;
      const meta = el('div', { class: 'meta' },
        el('span', {}, h.event_time.slice(0, 10)), el('span', {}, h.channel),
        el('a', { href: '/record?key=' + encodeURIComponent(key) }, key),
        h.account_id ? el('span', {}, 'account ' + h.account_id) : null,
        h.sentiment ? chip(h.sentiment + (h.sentiment_score !== null && h.sentiment_score !== undefined
          ? ' ' + (h.sentiment_score >= 0 ? '+' : '') + h.sentiment_score.toFixed(2) : ''), h.sentiment) : null,
        (h.topics || []).map(t => chip(label(t), 'topic', '/?topic=' + encodeURIComponent(t))),
        el('a', { href: '/?like=' + encodeURIComponent(key), class: 'note' }, 'more like this'));
      const body = el('div', { class: 'text' });
      if (h.highlight) body.appendChild(highlight(h.highlight));
      else body.textContent = h.text.length > 400 ? h.text.slice(0, 400) + '…' : h.text;
      list.appendChild(el('li', { class: 'hit' }, meta, h.subject ? el('div', { class: 'subject' }, h.subject) : null, body));
    }
    if (!r.hits.length) list.appendChild(el('li', { class: 'note' }, 'No record matches. Try fewer words or remove a filter.'));
    // pager
    const pager = clear(document.getElementById('pager'));
    if (offset > 0) pager.appendChild(el('button', { type: 'button', onclick: () => { const s = state(); s.set('offset', Math.max(0, offset - PAGE)); go(s); } }, '← previous'));
    if (offset + shown < r.total && offset + PAGE <= 10000) pager.appendChild(el('button', { type: 'button', onclick: () => { const s = state(); s.set('offset', offset + PAGE); go(s); } }, 'next →'));
  }

  document.addEventListener('DOMContentLoaded', async () => {
    await VB.me();
    document.getElementById('form').addEventListener('submit', ev => {
      ev.preventDefault();
      const p = state();
      p.set('q', document.getElementById('q').value);
      p.set('sort', document.getElementById('sort').value);
      p.delete('offset'); p.delete('like');
      go(p);
    });
    document.addEventListener('keydown', ev => {
      if (ev.key === '/' && document.activeElement.tagName !== 'INPUT') { ev.preventDefault(); document.getElementById('q').focus(); }
    });
    window.addEventListener('popstate', run);
    try { const t = await api('/api/topics'); for (const x of t.topics) topicLabels[x.id] = x.label; } catch (e) { /* labels are optional */ }
    try { accuracy = await api('/api/review/stats'); } catch (e) { accuracy = null; }
    run();
  });
})();
