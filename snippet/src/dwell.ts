/**
 * Product Viewed with dwell time: the event is held while the shopper looks, and sent with
 * `dwell_ms` when the page is hidden or left (as a beacon, which survives the page closing), so
 * browse abandonment can tell a glance from a long look.
 */
export function holdProductView(properties: Record<string, unknown>, send: (props: Record<string, unknown>) => void, exit: () => void): void {
  const started = Date.now();
  let sent = false;
  const done = () => {
    if (sent) return;
    sent = true;
    send({ ...properties, dwell_ms: Date.now() - started });
    exit();
  };
  addEventListener('pagehide', done);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') done();
  });
}
