'use strict';
(() => {
  const { api, el, clear, chip } = VB;
  document.addEventListener('DOMContentLoaded', async () => {
    await VB.me();
    const box = document.getElementById('record');
    const key = new URLSearchParams(location.search).get('key') || '';
    let r;
    try { r = await api('/api/record?key=' + encodeURIComponent(key)); } catch (e) { VB.showError(box, e); return; }
    const fields = [['channel', r.channel], ['written', r.event_time], ['language', r.language], ['account', r.account_id],
      ['segment', r.segment], ['plan', r.plan], ['rating', r.rating === null ? null : `${r.rating} (${r.rating_scale})`],
      ['duplicate of', r.duplicate_of], ['run', r.run_id]].filter(f => f[1] !== null && f[1] !== undefined);
    clear(box).append(...[
      el('h1', {}, r.key),
      el('div', { class: 'meta' }, r.sentiment ? chip(r.sentiment, r.sentiment) : null,
        r.topics.map(t => chip(t, 'topic', '/?topic=' + encodeURIComponent(t))),
        el('a', { href: '/?like=' + encodeURIComponent(r.key) }, 'more like this')),
      el('dl', { class: 'fields' }, fields.map(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))])),
      r.subject ? el('h2', {}, r.subject) : null,
      r.sentences && r.sentences.length ? [el('h2', {}, 'Sentences'),
        el('ol', { class: 'sentences' }, r.sentences.map(s => el('li', {}, chip(s.sentiment, s.sentiment), ' ', s.text)))] : null,
      el('h2', {}, 'Conversation'),
      r.turns.map(t => el('div', { class: 'turn ' + t.speaker }, el('div', { class: 'who' }, t.speaker + (t.time ? ' · ' + t.time : '')),
        el('div', { class: 'text' }, t.text)))].flat(Infinity).filter(x => x !== null && x !== undefined));
  });
})();
