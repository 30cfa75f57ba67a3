// The kiosk prints the ticket on its receipt printer (Chromium started with --kiosk --kiosk-printing prints without a
// dialog) and goes back to the services a few seconds later.
(() => {
  const back = document.querySelector('[data-back]');
  const home = back ? back.getAttribute('href') : '/xep-hang/lay-so';
  let left = false;
  const leave = () => { if (!left) { left = true; location.replace(home); } };
  window.addEventListener('afterprint', () => setTimeout(leave, 4000));
  setTimeout(leave, 15000);
  window.print();
})();
