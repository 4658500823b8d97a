'use strict';
// Labelling page, keyboard first. A label is kept in localStorage until the server says it is
// saved (durably, in SQLite), and the next item shows only then: closing the tab, a network
// failure or a server restart never loses a label; pending ones are sent again on the next load.
(() => {
  const { api, el, clear, chip, pct } = VB;
  const KEYS = { n: 'negative', u: 'neutral', p: 'positive', f: 'flag', '1': 'negative', '2': 'neutral', '3': 'positive' };
  const PENDING = 'vb_pending_labels';
  let reviewer = null;     // null when the token names the reviewer
  let current = null;      // the item being labelled
  let history = [];        // this reviewer's saved labels, newest first (from the server)
  let viewing = -1;        // -1: the current item; else an index into history
  let busy = false;
  let pii = false, topicWrong = false;

  const status = msg => { const s = document.getElementById('status'); s.textContent = msg || ''; s.classList.toggle('pending', !!pending().length); };
  const pending = () => JSON.parse(localStorage.getItem(PENDING) || '[]');
  const setPending = list => localStorage.setItem(PENDING, JSON.stringify(list));
  const who = () => reviewer ? { reviewer } : {};
  const qs = () => reviewer ? '?reviewer=' + encodeURIComponent(reviewer) : '';

  async function flush() {
    let list = pending();
    while (list.length) {
      try {
        await api('/api/review/label', { method: 'POST', body: list[0] });
      } catch (e) {
        if (e.status && e.status >= 400 && e.status < 500 && e.status !== 429 && e.status !== 401) {
          // the server refuses this label for good (e.g. the item is gone): keep a note, drop it
          status('a label could not be saved: ' + e.message);
        } else {
          status(`not saved yet (${list.length} waiting): ${e.message}; retrying…`);
          setTimeout(flush, 3000);
          return false;
        }
      }
      list = pending().slice(1);
      setPending(list);
    }
    status('');
    return true;
  }

  async function next() {
    const r = await api('/api/review/next' + qs());
    const pr = r.progress;
    document.getElementById('progress').max = Math.max(1, pr.labels_required);
    document.getElementById('progress').value = pr.labels_done;
    document.getElementById('progress-text').textContent =
      `sample ${r.sample}: ${pr.labels_done} of ${pr.labels_required} labels done (${pct(pr.labels_done / Math.max(1, pr.labels_required))}), ${pr.remaining} to go`;
    current = r.item;
    viewing = -1; pii = false; topicWrong = false;
    show();
    await mine();
  }

  async function mine() {
    try { history = (await api('/api/review/labels' + qs())).labels; } catch (e) { history = []; }
    const list = clear(document.getElementById('mine'));
    for (const l of history.slice(0, 20)) {
      list.appendChild(el('li', { 'data-item': l.item_id, class: 'saved' },
        el('div', { class: 'meta' }, chip(l.label || 'none', l.label || ''), el('span', {}, l.record_id),
          el('span', {}, 'machine said ' + l.predicted), l.pii_unmasked ? chip('PII left unmasked', 'negative') : null),
        el('div', { class: 'text' }, l.text.length > 200 ? l.text.slice(0, 200) + '…' : l.text)));
    }
  }

  function show() {
    const box = clear(document.getElementById('item'));
    if (viewing >= 0) {
      const l = history[viewing];
      box.appendChild(el('div', { class: 'card label-item previous' },
        el('p', { class: 'note' }, `previous label ${viewing + 1} of ${history.length} (read only; z undoes your last label) · → back`),
        el('div', { class: 'meta' }, 'you said ', chip(l.label || 'none', l.label || ''), ' · machine said ', chip(l.predicted, l.predicted)),
        el('div', { class: 'text' }, l.text)));
      return;
    }
    if (!current) {
      box.appendChild(el('div', { class: 'card' }, el('p', {}, 'Nothing left for you in this sample. Thank you!')));
      return;
    }
    const c = current;
    const flags = [pii ? chip('PII left unmasked', 'negative') : null, topicWrong ? chip('first topic wrong', 'negative') : null];
    box.appendChild(el('div', { class: 'card label-item', 'data-item': c.item_id },
      el('div', { class: 'meta' }, el('span', {}, c.record_id), el('span', {}, c.channel),
        'machine: ', chip(`${c.predicted} (${c.confidence.toFixed(2)})`, c.predicted),
        c.topics.map(t => chip(t, 'topic')), c.overlap ? chip('agreement item', '') : null, flags),
      el('div', { class: 'text', id: 'item-text' }, c.text),
      c.context && c.context.turns && c.context.turns.length > 1 ? el('details', { open: 'open' }, el('summary', {}, 'conversation'),
        c.context.turns.map(t => el('div', { class: 'turn ' + t.speaker }, el('div', { class: 'who' }, t.speaker), el('div', { class: 'text' }, t.text)))) : null));
  }

  async function label(value) {
    if (!current || busy) return;
    busy = true;
    const body = Object.assign({ item_id: current.item_id, label: value, pii_unmasked: pii, topic_wrong: topicWrong }, who());
    setPending(pending().concat([body]));
    status('saving…');
    try {
      if (await flush()) await next();
    } finally { busy = false; }
  }

  async function act(path, body) {
    if (busy) return;
    busy = true;
    try { await api(path, { method: 'POST', body: Object.assign(body || {}, who()) }); await next(); }
    catch (e) { status(e.message); }
    finally { busy = false; }
  }

  function onKey(ev) {
    if (ev.target.tagName === 'INPUT' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const k = ev.key;
    if (k === 'ArrowLeft' || k === 'k') { if (viewing < history.length - 1) { viewing++; show(); } ev.preventDefault(); return; }
    if (k === 'ArrowRight' || k === 'j') { if (viewing >= 0) { viewing--; show(); } ev.preventDefault(); return; }
    if (viewing >= 0) return;
    if (KEYS[k]) { ev.preventDefault(); label(KEYS[k]); }
    else if (k === 's' && current) { ev.preventDefault(); act('/api/review/skip', { item_id: current.item_id }); }
    else if (k === 'z') { ev.preventDefault(); act('/api/review/undo', {}); }
    else if (k === '!') { pii = !pii; show(); }
    else if (k === 't' && current && current.topics.length) { topicWrong = !topicWrong; show(); }
  }

  async function start() {
    document.addEventListener('keydown', onKey);
    await flush();
    try { await next(); }
    catch (e) { VB.showError(document.getElementById('item'), e); }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const me = await VB.me();
    if (me.named) { start(); return; }
    reviewer = localStorage.getItem('vb_reviewer');
    if (reviewer) { start(); return; }
    const input = el('input', { type: 'text', id: 'reviewer', 'aria-label': 'your name', placeholder: 'your name', autocomplete: 'off' });
    const form = el('form', { class: 'card', onsubmit: ev => {
      ev.preventDefault();
      const v = input.value.trim();
      if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(v)) { status('a name is 1-64 letters, digits, ".", "_" or "-"'); return; }
      reviewer = v; localStorage.setItem('vb_reviewer', v); clear(document.getElementById('setup')); start();
    } }, el('p', {}, 'Who is labelling? Your labels are saved under this name.'), input, ' ', el('button', { class: 'primary', type: 'submit' }, 'Start'));
    document.getElementById('setup').appendChild(form);
    input.focus();
  });
})();
