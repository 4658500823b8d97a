'use strict';
// Friction report: the trends module's page, sandboxed in a frame, plus every topic it names
// linked into search.
(() => {
  const { api, el, clear } = VB;

  // Topic ids anywhere in the report: objects with "topic" / "topic_id" (and a label if given).
  function topics(node, out) {
    if (Array.isArray(node)) { node.forEach(n => topics(n, out)); return out; }
    if (node && typeof node === 'object') {
      const id = node.topic_id || (typeof node.topic === 'string' ? node.topic : null);
      if (id && !out.has(id)) out.set(id, node.label || node.name || node.topic_label || id);
      Object.values(node).forEach(v => topics(v, out));
    }
    return out;
  }

  document.addEventListener('DOMContentLoaded', async () => {
    await VB.me();
    const links = document.getElementById('links');
    const report = document.getElementById('report');
    let json;
    try { json = await api('/api/friction'); } catch (e) { VB.showError(report, e); return; }
    const found = topics(json, new Map());
    if (found.size) {
      links.appendChild(el('div', { class: 'card' }, el('h2', {}, 'Read what customers said'),
        el('ul', {}, [...found].map(([id, label]) => el('li', {},
          el('a', { href: '/?topic=' + encodeURIComponent(id) + '&sort=time', 'data-topic': id }, String(label)),
          label !== id ? el('span', { class: 'note' }, ' ' + id) : null)))));
    }
    const res = await fetch('/api/friction.html', { method: 'HEAD', credentials: 'same-origin' }).catch(() => null);
    if (res && res.ok) {
      clear(report).appendChild(el('iframe', { class: 'report', sandbox: '', src: '/api/friction.html', title: 'friction report' }));
    } else {
      clear(report).appendChild(el('pre', { class: 'text' }, JSON.stringify(json, null, 2)));
    }
  });
})();
