// A kiosk screen goes back to its home after a minute without a touch, with nothing of the last person left.
(() => {
  const root = document.querySelector('[data-idle-home]');
  if (!root) return;
  const home = root.dataset.idleHome;
  let timer;
  const reset = () => {
    clearTimeout(timer);
    timer = setTimeout(() => location.replace(home), 60000);
  };
  ['pointerdown', 'keydown', 'input'].forEach((name) => document.addEventListener(name, reset, { passive: true }));
  reset();
})();
