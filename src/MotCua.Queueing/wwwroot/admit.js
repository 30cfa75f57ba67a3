// A device's registration link carries its key after # (never sent in an address): fill the form and send it once.
(() => {
  const form = document.querySelector('[data-admit]');
  if (!form) return;
  const key = new URLSearchParams(location.hash.slice(1)).get('khoa');
  if (!key || form.querySelector('[aria-invalid]')) return;
  history.replaceState(null, '', location.pathname);
  form.querySelector('input[name="Key"]').value = key;
  form.requestSubmit();
})();
