// Suggestions as you type in the procedure search box: an enhancement over the plain GET form, which works
// without it. Fills a <datalist> from /api/v1/procedures/suggest; choosing a name submits the search.
(() => {
  const input = document.querySelector('input[name="q"][data-suggest]');
  if (!input || !window.fetch) return;
  const list = document.getElementById(input.getAttribute('list'));
  let timer = 0;
  let controller = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) { list.replaceChildren(); return; }
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch('/api/v1/procedures/suggest?q=' + encodeURIComponent(q), { signal: controller.signal });
        if (!response.ok) return;
        const items = await response.json();
        list.replaceChildren(...items.map(item => {
          const option = document.createElement('option');
          option.value = item.name;
          option.label = item.code;
          return option;
        }));
      } catch { /* offline or aborted: the plain form still works */ }
    }, 150);
  });
})();
