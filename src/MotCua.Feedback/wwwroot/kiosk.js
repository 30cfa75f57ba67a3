// The desk tablet: five faces, an optional reason, thanks, then back. Every rating goes into a queue kept in the
// browser and is sent with its own id and the time it was given; without network it stays queued and is sent when
// the network returns (the server takes each id once). The device key arrives once in the address (#key=…) and is
// kept in the browser, never sent in an address.
(() => {
  const root = document.querySelector('[data-kiosk]');
  if (!root) return;
  const id = root.dataset.kiosk;
  const keyName = `motcua.kiosk.${id}.key`;
  const queueName = `motcua.kiosk.${id}.queue`;
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('key')) {
    localStorage.setItem(keyName, fragment.get('key'));
    history.replaceState(null, '', location.pathname);
  }
  const key = localStorage.getItem(keyName);
  const status = root.querySelector('.kiosk-status');
  const noKey = root.querySelector('[data-nokey]');
  noKey.hidden = !!key;

  const load = () => JSON.parse(localStorage.getItem(queueName) || '[]');
  const save = (queue) => {
    localStorage.setItem(queueName, JSON.stringify(queue));
    status.dataset.pending = String(queue.length);
    status.textContent = queue.length ? `Chưa gửi: ${queue.length} lượt (sẽ tự gửi khi có mạng)` : '';
  };
  const newId = () => crypto.randomUUID ? crypto.randomUUID()
    : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g, (c) => (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16));

  let sending = false;
  async function flush() {
    const queue = load();
    if (!queue.length || sending || !key) return;
    sending = true;
    try {
      const response = await fetch(`/api/v1/kiosks/${id}/ratings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kiosk-Key': key },
        body: JSON.stringify({ ratings: queue }),
      });
      if (response.ok) {
        const sent = new Set(queue.map((q) => q.clientId));
        save(load().filter((q) => !sent.has(q.clientId)));
      } else if (response.status === 403) {
        noKey.hidden = false;
      }
    } catch {
      // Offline: the ratings stay queued.
    } finally {
      sending = false;
    }
  }

  const show = (step) => root.querySelectorAll('[data-step]').forEach((e) => { e.hidden = e.dataset.step !== step; });
  let current = null;
  let timer;
  function finish(reason) {
    clearTimeout(timer);
    if (!current) return;
    current.reason = reason || null;
    save([...load(), current]);
    current = null;
    show('thanks');
    flush();
    timer = setTimeout(() => show('level'), 4000);
  }

  root.querySelectorAll('[data-level]').forEach((button) => button.addEventListener('click', () => {
    current = { clientId: newId(), level: button.dataset.level, ratedAt: new Date().toISOString() };
    const group = Number(button.dataset.score) <= 3 ? 'low' : 'high';
    root.querySelectorAll('[data-for]').forEach((g) => { g.hidden = g.dataset.for !== group; });
    show('reason');
    clearTimeout(timer);
    timer = setTimeout(() => finish(null), 15000);
  }));
  root.querySelectorAll('[data-reason]').forEach((button) => button.addEventListener('click', () => finish(button.dataset.reason)));
  window.addEventListener('online', flush);
  setInterval(flush, 5000);
  save(load());
  flush();
})();
