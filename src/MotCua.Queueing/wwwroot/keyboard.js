// The lookup kiosk's on-screen keyboard: letters without diacritics (search folds them), space, delete; the search
// box keeps the focus so that a physical keyboard works too.
(() => {
  const keyboard = document.querySelector('[data-keyboard]');
  const input = document.querySelector('[data-keyboard-target]');
  if (!keyboard || !input) return;
  keyboard.hidden = false;
  keyboard.addEventListener('click', (e) => {
    const key = e.target.closest('[data-key]')?.dataset.key;
    if (key === undefined) return;
    if (key === 'back') input.value = input.value.slice(0, -1);
    else if (key === 'clear') input.value = '';
    else input.value += key;
    input.focus();
  });
})();
