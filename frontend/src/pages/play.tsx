// Participant page: join a session by code and follow its phase.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ServerMessage } from "../protocol.gen";

function Play() {
  const code = new URLSearchParams(location.search).get("code") ?? "";
  const [phase, setPhase] = useState<string>("connecting");
  useEffect(() => {
    if (!/^\d{4}$/.test(code)) return;
    const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/api/sessions/${code}/ws`);
    ws.onmessage = (ev) => {
      const msg = JSON.parse(ev.data as string) as ServerMessage;
      if (msg.type === "server:state_snapshot") setPhase(msg.phase);
    };
    return () => ws.close();
  }, [code]);
  return (
    <main>
      <h1>Join a tasting</h1>
      <p data-testid="phase">{code ? phase : "enter a code"}</p>
    </main>
  );
}

render(<Play />, document.getElementById("app")!);
