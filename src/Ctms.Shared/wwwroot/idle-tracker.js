// Tells the server that the person is still at the keyboard, at most once per interval: the server-side timer
// (IdleSignOut) decides when the session is idle, so the rules live in one place and tests can fake the clock.
const events = ['mousedown', 'mousemove', 'keydown', 'wheel', 'scroll', 'touchstart'];
let report = null;

export function start(dotnet, intervalMs) {
    stop();
    let last = 0;
    report = () => {
        const now = Date.now();
        if (now - last >= intervalMs) {
            last = now;
            dotnet.invokeMethodAsync('Activity').catch(() => { });
        }
    };
    events.forEach(e => window.addEventListener(e, report, { passive: true, capture: true }));
}

export function stop() {
    if (report) {
        events.forEach(e => window.removeEventListener(e, report, { capture: true }));
        report = null;
    }
}
