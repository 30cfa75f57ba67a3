// The centre's display board: the state arrives by server-sent events (the first event is the state now, also after
// a reconnection, so a board that lost its connection catches up); each new call is shown and spoken from the
// recorded clips, one call after another. Browsers play sound only after a touch unless started with
// --autoplay-policy=no-user-gesture-required (see the README); the board then shows a button to allow it.
(() => {
  const root = document.querySelector('[data-board]');
  if (!root) return;
  const announced = new Set((root.dataset.announced || '').split(',').filter(Boolean));
  const offline = root.querySelector('[data-offline]');
  const banner = root.querySelector('[data-announcement]');
  const counters = root.querySelector('[data-counters]');
  const queues = root.querySelector('[data-queues]');
  const clock = root.querySelector('[data-clock]');
  const soundButton = root.querySelector('[data-sound]');
  const speech = [];
  let speaking = false;

  const cell = (text, className) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  };
  const row = (cells, counter) => {
    const tr = document.createElement('tr');
    if (counter !== undefined) tr.dataset.counter = counter;
    cells.forEach((c) => tr.appendChild(c));
    return tr;
  };

  function render(state) {
    counters.replaceChildren(...state.counters.map((c) => row([cell(`Quầy ${c.number}`), cell(c.serving || '—', 'board-number')], c.number)));
    queues.replaceChildren(...state.queues.map((q) => row([cell(`${q.prefix} — ${q.service}`), cell(String(q.waiting)), cell(q.next.join(' '))])));
    const fresh = state.calls.filter((c) => !announced.has(c.id));
    fresh.forEach((c) => {
      announced.add(c.id);
      speech.push(c);
    });
    speak();
  }

  function play(url) {
    return new Promise((resolve, reject) => {
      const audio = new Audio(url);
      audio.addEventListener('ended', resolve, { once: true });
      audio.addEventListener('error', resolve, { once: true });
      audio.play().catch(reject);
    });
  }

  async function speak() {
    if (speaking || !speech.length) return;
    speaking = true;
    while (speech.length) {
      const call = speech.shift();
      banner.textContent = call.text;
      banner.dataset.callId = call.id;
      root.classList.add('board-calling');
      try {
        for (const clip of call.clips) await play(clip);
      } catch {
        soundButton.hidden = false;
      }
      await new Promise((r) => setTimeout(r, 800));
      root.classList.remove('board-calling');
    }
    speaking = false;
  }

  soundButton.addEventListener('click', () => {
    soundButton.hidden = true;
    new Audio(soundButton.dataset.test || '').play().catch(() => {});
  });

  setInterval(() => {
    clock.textContent = new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
  }, 10000);

  const source = new EventSource('/api/v1/queue/board/events');
  source.addEventListener('state', (e) => {
    offline.hidden = true;
    root.dataset.connected = 'true';
    render(JSON.parse(e.data));
  });
  source.addEventListener('open', () => { offline.hidden = true; });
  source.addEventListener('error', () => {
    offline.hidden = false;
    root.dataset.connected = 'false';
    // A board refused (retired) gets no events: load the page again, which says so.
    if (source.readyState === EventSource.CLOSED) setTimeout(() => location.reload(), 10000);
  });
})();
