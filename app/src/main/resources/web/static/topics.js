'use strict';
// Topic explorer: volume, weekly trend, negative share; click a topic for the verbatims behind it.
(() => {
  const { api, el, clear, sparkline, chip, pct, interval } = VB;

  async function load() {
    const box = document.getElementById('topics');
    let r;
    try { r = await api('/api/topics'); } catch (e) { VB.showError(box, e); return; }
    if (!r.topics.length) {
      clear(box).appendChild(el('p', { class: 'note' }, 'No record in this workspace carries a topic yet. Fit topics with the topic model, then run the pipeline again.'));
      return;
    }
    const rows = r.topics.map(t => el('tr', { 'data-topic': t.id, onclick: () => detail(t.id) },
      el('td', {}, el('strong', {}, t.label), t.label !== t.id ? el('span', { class: 'note' }, ' ' + t.id) : null,
        t.top_terms.length ? el('div', { class: 'note' }, t.top_terms.slice(0, 6).join(' · ')) : null),
      el('td', { class: 'num' }, t.volume.toLocaleString('en')),
      el('td', {}, sparkline(t.trend.map(b => b.count), 140, 28)),
      el('td', {}, el('span', { class: 'negbar', style: null, 'data-w': t.negative_share }), ' ', pct(t.negative_share)),
      el('td', {}, t.churn_association === null ? el('span', { class: 'note' }, 'n/a') : t.churn_association.toFixed(2)),
      el('td', {}, el('a', { href: '/?topic=' + encodeURIComponent(t.id) }, 'verbatims'))));
    clear(box).appendChild(el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'topic'), el('th', {}, 'records'),
      el('th', {}, 'weekly trend'), el('th', {}, 'negative'), el('th', {}, 'churn assoc.'), el('th', {}, ''))),
      el('tbody', {}, rows)));
    // widths set through the CSSOM (allowed by the style-src CSP, unlike inline style attributes)
    for (const bar of box.querySelectorAll('.negbar')) bar.style.width = Math.round(60 * parseFloat(bar.dataset.w)) + 'px';
  }

  async function detail(id) {
    const box = document.getElementById('detail');
    for (const tr of document.querySelectorAll('tr[data-topic]')) tr.classList.toggle('sel', tr.dataset.topic === id);
    let r;
    try { r = await api('/api/topics/' + encodeURIComponent(id) + '?examples=8'); } catch (e) { VB.showError(box, e); return; }
    const t = r.topic;
    const input = el('input', { type: 'text', value: t.label, 'aria-label': 'new label', maxlength: '120' });
    const msg = el('span', { class: 'note' });
    const form = el('form', { class: 'analyst', onsubmit: async ev => {
      ev.preventDefault();
      try { await api('/api/topics/' + encodeURIComponent(id) + '/rename', { method: 'POST', body: { label: input.value } }); msg.textContent = 'renamed'; load(); }
      catch (e) { msg.textContent = e.message; }
    } }, 'Rename: ', input, ' ', el('button', { type: 'submit' }, 'save'), ' ', msg);
    const list = el('ol', { class: 'hits' }, r.examples.map(h => el('li', {},
      el('div', { class: 'meta' }, h.event_time.slice(0, 10), ' ', h.channel, ' ',
        h.sentiment ? chip(h.sentiment, h.sentiment) : null,
        el('a', { href: '/record?key=' + encodeURIComponent(h.source + '/' + h.id) }, h.source + '/' + h.id)),
      el('div', { class: 'text' }, h.text.length > 300 ? h.text.slice(0, 300) + '…' : h.text))));
    clear(box).appendChild(el('div', { class: 'card' }, el('h2', {}, t.label), form,
      el('p', {}, el('a', { href: '/?topic=' + encodeURIComponent(id) }, `all ${t.volume.toLocaleString('en')} verbatims in search →`)),
      list));
  }

  document.addEventListener('DOMContentLoaded', async () => {
    await VB.me();
    try {
      const s = await api('/api/review/stats');
      const tp = s.topic_precision || {};
      const n = Object.keys(tp).length;
      if (s.accuracy) document.getElementById('accuracy').textContent =
        `Reviewer labels (${s.labels}) put topic precision at: ` + (n ? Object.entries(tp).slice(0, 8).map(([k, v]) => `${k} ${interval(v)}`).join('; ') : 'no topic verdicts yet');
    } catch (e) { /* no review queue: no accuracy line */ }
    load();
  });
})();
