// Host page (/host): dashboard, new tasting form, and the live session (lobby → game → podium).
// Routes: /host, /host?new, /host?sample (pours a sample tasting, then its lobby), /host?code=1234; a `#k=…` fragment carries a host key from another
// device: adopted when this browser has none, otherwise only after the host confirms.
import "../styles/host.css";
import "../i18n/staff"; // this page's texts, before it renders
import { useEffect, useState } from "preact/hooks";
import { TopBar } from "../components/Brand";
import { renderPage, t } from "../i18n";
import { arrivalDecision, clearFragment, hostKey, isPlausibleKey, previousHostKey, readFragment, storedHostKey, switchHostKey } from "../lib/storage";
import { Dashboard } from "../host/Dashboard";
import { SessionView } from "../host/SessionView";
import type { Suggestions } from "../host/TastingForm";
import { loadSuggestions } from "../host/suggest";
import { ensureHandle } from "../host/handle";
import { KeySwitchScreen } from "../host/KeySwitch";
import { saveDraft } from "../host/draftStore";
import { lazyScreen } from "../host/lazy";

// Not needed at first: the authoring form with the catalog client, and the sample pour.
const CreateScreen = lazyScreen(() => import("../host/CreateScreen").then((m) => m.CreateScreen));
const SampleScreen = lazyScreen(() => import("../host/SampleScreen").then((m) => m.SampleScreen));

type Route = { kind: "dashboard" } | { kind: "new" } | { kind: "sample" } | { kind: "session"; code: string };

function currentRoute(): Route {
  const q = new URLSearchParams(location.search);
  const code = q.get("code");
  if (code && /^\d{4}$/.test(code)) return { kind: "session", code };
  if (q.has("new")) return { kind: "new" };
  if (q.has("sample")) return { kind: "sample" };
  return { kind: "dashboard" };
}

function routeUrl(r: Route): string {
  return r.kind === "session" ? `/host?code=${r.code}` : r.kind === "new" ? "/host?new" : r.kind === "sample" ? "/host?sample" : "/host";
}

type KeyArrival = { kind: "adopted" } | { kind: "ask"; key: string } | null;

/**
 * A key carried by a "continue on another device" link: stored at once when this browser has
 * no key (or the same one), otherwise held until the host decides. The fragment goes either way.
 */
function readKeyArrival(): KeyArrival {
  const k = readFragment().get("k");
  if (location.hash) clearFragment();
  if (!k || !isPlausibleKey(k)) return null;
  const decision = arrivalDecision(storedHostKey(), k, (a, b) => a === b);
  if (decision === "adopt") switchHostKey(k);
  return decision === "ask" ? { kind: "ask", key: k } : decision === "adopt" ? { kind: "adopted" } : null;
}

function App() {
  const [arrival, setArrival] = useState(readKeyArrival);
  const [key, setKey] = useState(hostKey);
  const [previous, setPrevious] = useState(previousHostKey);
  const [handle, setHandle] = useState(ensureHandle);
  const [route, setRoute] = useState<Route>(currentRoute);
  const [suggestions, setSuggestions] = useState<Suggestions>({});

  useEffect(() => {
    const onPop = () => setRoute(currentRoute());
    addEventListener("popstate", onPop);
    void loadSuggestions().then(setSuggestions);
    return () => removeEventListener("popstate", onPop);
  }, []);

  const switchTo = (k: string) => {
    switchHostKey(k);
    setKey(k);
    setPrevious(previousHostKey());
  };

  const go = (r: Route, replace = false) => {
    if (replace) history.replaceState(null, "", routeUrl(r));
    else history.pushState(null, "", routeUrl(r));
    setRoute(r);
    scrollTo(0, 0);
  };

  return (
    <>
      <TopBar>
        <span class="handle" title={t("host.handleTitle")}>
          <span class="sr-only">{t("host.handleSr")} </span>
          {handle}
        </span>
      </TopBar>
      <main>
        {arrival?.kind === "adopted" ? (
          <p class="notice wrap-notice" role="status">
            {t("host.adopted")}
          </p>
        ) : null}
        {arrival?.kind === "ask" ? (
          <KeySwitchScreen
            incoming={arrival.key}
            current={key}
            onSwitch={() => {
              switchTo(arrival.key);
              setArrival(null);
            }}
            onKeep={() => setArrival(null)}
          />
        ) : route.kind === "dashboard" ? (
          <Dashboard
            hostKey={key}
            previousKey={previous}
            onSwitchBack={previous ? () => switchTo(previous) : undefined}
            onNew={() => go({ kind: "new" })}
            onSample={() => go({ kind: "sample" })}
            onRunAgain={(draft) => {
              saveDraft(draft);
              go({ kind: "new" });
            }}
            onOpen={(code) => go({ kind: "session", code })}
          />
        ) : route.kind === "sample" ? (
          // Replaced, not pushed: Back from the lobby must not pour another sample.
          <SampleScreen hostKey={key} handle={handle} onCreated={(code) => go({ kind: "session", code }, true)} onBack={() => go({ kind: "dashboard" }, true)} />
        ) : route.kind === "new" ? (
          <CreateScreen hostKey={key} handle={handle} suggestions={suggestions} onCreated={(code) => go({ kind: "session", code })} onCancel={() => go({ kind: "dashboard" })} />
        ) : (
          <SessionView
            key={route.code}
            code={route.code}
            hostKey={key}
            suggestions={suggestions}
            onHandle={setHandle}
            onDashboard={() => go({ kind: "dashboard" })}
          />
        )}
      </main>
    </>
  );
}

renderPage(() => <App />);
