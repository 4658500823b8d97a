'use strict';
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('login').addEventListener('submit', async ev => {
    ev.preventDefault();
    const msg = document.getElementById('msg');
    try {
      const r = await VB.api('/api/session', { method: 'POST', body: { token: document.getElementById('token').value } });
      location.href = r.role === 'reviewer' ? '/label' : '/';
    } catch (e) { VB.showError(msg, e); }
  });
});
