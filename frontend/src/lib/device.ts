// Phone niceties during a game: the Screen Wake Lock (held while a game runs, taken again when
// the page becomes visible, since the browser drops it on hiding) and short vibrations.
import { useEffect } from "preact/hooks";

/** Holds a screen wake lock while `active` (where the browser offers one). */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !("wakeLock" in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let live = true;
    const acquire = () => {
      if (document.visibilityState !== "visible" || (sentinel && !sentinel.released)) return;
      navigator.wakeLock
        .request("screen")
        .then((s) => {
          if (live) sentinel = s;
          else void s.release();
        })
        .catch(() => undefined); // refused (battery saver, not allowed): the game still works
    };
    acquire();
    document.addEventListener("visibilitychange", acquire);
    return () => {
      live = false;
      document.removeEventListener("visibilitychange", acquire);
      if (sentinel && !sentinel.released) void sentinel.release();
    };
  }, [active]);
}

/**
 * A short vibration where supported, only once the player has touched the page (browsers
 * refuse, and complain, otherwise).
 */
export function buzz(pattern: number | number[]): void {
  const ua = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  if (typeof navigator.vibrate !== "function" || (ua && !ua.hasBeenActive)) return;
  navigator.vibrate(pattern);
}
