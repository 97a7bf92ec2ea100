/**
 * Prints one part of the page: the element with `anxin-print-area` inside a body marked
 * `anxin-printing` (cards.css hides everything else), then unmarks the body.
 */
export function printArea(): void {
  document.body.classList.add('anxin-printing');
  const done = () => {
    document.body.classList.remove('anxin-printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Some browsers do not fire afterprint from a blocking print(): unmark anyway.
  setTimeout(done, 1000);
}
