// Host screens a host does not need at first (the authoring form with the catalog client, the
// sample pour), loaded on first render by dynamic import so /host's first load stays small.
// The module is fetched once per page; a failed fetch says so and can be retried.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n";
import "../i18n/staff"; // the host-only texts this module shows

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Screen) return;
      let live = true;
      pending ??= load().then((c) => (loaded = c));
      pending.then(
        (c) => live && setScreen(() => c),
        (e: unknown) => {
          console.warn("a host screen failed to load", e);
          pending = null;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [Screen, attempt]);
    if (Screen) return <Screen {...props} />;
    if (failed) {
      return (
        <div class="wrap">
          <p class="alert" role="alert">
            {t("host.loadFailed")}
          </p>
          <button
            type="button"
            class="btn"
            onClick={() => {
              setFailed(false);
              setAttempt(attempt + 1);
            }}
          >
            {t("sample.retry")}
          </button>
        </div>
      );
    }
    return (
      <p class="muted" role="status">
        <span class="spinner" aria-hidden="true" /> {t("host.loading")}
      </p>
    );
  };
}
