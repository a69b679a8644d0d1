// Participant page (/play): join by code or link, then follow the game on a phone (screens in
// ../play/). Rejoins automatically in the same browser; a fragment link (`#p=…&t=…`) moves a
// seat to another device, and never silently replaces a different seat held here.
import "../styles/play.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { renderPage, t, tx } from "../i18n";
import { titleText } from "../i18n/wire";
import {
  arrivalDecision,
  clearFragment,
  playerCredentials,
  previousPlayerCredentials,
  readFragment,
  sameSeat,
  setPlayerCredentials,
  switchPlayerSeat,
  type PlayerCredentials,
} from "../lib/storage";
import { sessionInfo, type SessionInfo } from "../lib/api";
import { Shell } from "../play/Shell";
import { ConfirmScreen, EnterScreen, GoneScreen, SeatSwitchScreen, type Gone } from "../play/Entry";
import { GameView } from "../play/GameView";

function readCode(): string {
  const raw = new URLSearchParams(location.search).get("code") ?? "";
  return /^\d{4}$/.test(raw) ? raw : "";
}

/** A seat link that would replace a different stored seat: the user decides. */
interface Arrival {
  incoming: PlayerCredentials;
  stored: PlayerCredentials;
}

/**
 * Reads a seat carried by a cross-device link (`#p=…&t=…`) and removes it from the URL. It is
 * stored at once when this browser has no seat in the session; a different seat asks first.
 */
function readArrival(code: string): Arrival | null {
  const frag = readFragment();
  const p = frag.get("p");
  const t = frag.get("t");
  if (location.hash) clearFragment();
  if (!code || !p || !t) return null;
  const incoming = { pseudonym: p, token: t };
  const stored = playerCredentials(code);
  const decision = arrivalDecision(stored, incoming, sameSeat);
  if (decision === "adopt") setPlayerCredentials(code, incoming);
  return decision === "ask" && stored ? { incoming, stored } : null;
}

function App() {
  const [code, setCode] = useState(readCode);
  const [arrival, setArrival] = useState(() => readArrival(code));
  const [seat, setSeat] = useState(0);
  const [info, setInfo] = useState<SessionInfo | null>(null);
  // A code typed on the landing page arrives as `?code=…&join`: join without a second tap.
  const pendingAutoJoin = useRef(new URLSearchParams(location.search).has("join"));
  useEffect(() => {
    if (pendingAutoJoin.current && code) history.replaceState(null, "", `/play?code=${code}`);
  }, []);
  const [joining, setJoining] = useState(() => !arrival && !!(code && playerCredentials(code)));
  const [gone, setGone] = useState<Gone | null>(null);
  const [checking, setChecking] = useState(false);

  // A code without stored credentials: look the session up before offering to join.
  useEffect(() => {
    if (!code || joining || arrival) return;
    let live = true;
    setChecking(true);
    sessionInfo(code)
      .then((i) => live && setInfo(i))
      .catch((e: unknown) => {
        if (!live) return;
        setGone({ kind: "error", failure: e });
      })
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [code, joining, arrival]);

  const chooseCode = (c: string, autoJoin: boolean) => {
    history.replaceState(null, "", `/play?code=${c}`);
    setGone(null);
    setInfo(null);
    setCode(c);
    setJoining(autoJoin && !!playerCredentials(c));
    if (autoJoin) pendingAutoJoin.current = true;
  };
  useEffect(() => {
    if (info && pendingAutoJoin.current && info.joinable) {
      pendingAutoJoin.current = false;
      setJoining(true);
    }
  }, [info]);

  const reset = () => {
    history.replaceState(null, "", "/play");
    pendingAutoJoin.current = false;
    setGone(null);
    setInfo(null);
    setJoining(false);
    setCode("");
  };

  /** Makes `creds` this browser's seat and reconnects with it. */
  const takeSeat = (creds: PlayerCredentials) => {
    switchPlayerSeat(code, creds);
    setArrival(null);
    setSeat((n) => n + 1);
    setJoining(true);
  };

  if (arrival) {
    return (
      <SeatSwitchScreen
        code={code}
        incoming={arrival.incoming.pseudonym}
        stored={arrival.stored.pseudonym}
        onSwitch={() => takeSeat(arrival.incoming)}
        onKeep={() => {
          setArrival(null);
          setJoining(true);
        }}
      />
    );
  }
  if (gone) return <GoneScreen gone={gone} code={code} onRetry={reset} />;
  if (code && joining) {
    const previous = previousPlayerCredentials(code);
    const current = playerCredentials(code);
    return (
      <GameView
        key={`${code}-${seat}`}
        code={code}
        title={info ? titleText(info.title, info.titleIsDefault) : ""}
        onGone={(g) => {
          setJoining(false);
          setGone(g);
        }}
        seatSwitch={
          previous && current && !sameSeat(previous, current) ? (
            <p class="notice seat-back">
              {tx("play.alsoHolds", { name: <strong>{previous.pseudonym}</strong> })}{" "}
              <button type="button" class="linklike" onClick={() => takeSeat(previous)}>
                {t("play.switchBack", { name: previous.pseudonym })}
              </button>
            </p>
          ) : null
        }
      />
    );
  }
  if (code && (checking || !info)) return <Shell><p class="muted center" role="status">{t("play.lookingUp", { code })}</p></Shell>;
  if (code && info) return <ConfirmScreen info={info} onJoin={() => setJoining(true)} onBack={reset} />;
  return <EnterScreen onCode={(c) => chooseCode(c, true)} />;
}

renderPage(() => <App />);
