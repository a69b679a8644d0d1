// A host link (`/host#k=…`) opened in a browser that already hosts with another key: say whose
// tastings the link's key holds, and switch only when the host confirms (the replaced key is
// kept, so the dashboard can switch back). Without this, anyone could send a host a link that
// makes them create their next tastings under the sender's key.
import { useEffect, useState } from "preact/hooks";
import type { HostSessionSummary } from "../protocol.gen";
import { api } from "../lib/api";
import type { HostSessionsReply } from "../api.gen";
import { useScreenHeading } from "../lib/a11y";
import { formatList, t, tx } from "../i18n";
import { errorText } from "../i18n/wire";
import "../i18n/staff"; // the host-only texts this module shows

type Listing = { sessions: HostSessionSummary[] } | { error: unknown } | null;

/** The sessions a key holds, from the server's history for that key. */
function useListing(key: string): Listing {
  const [listing, setListing] = useState<Listing>(null);
  useEffect(() => {
    let live = true;
    api<HostSessionsReply>("/api/host/sessions", { bearer: key })
      .then((r) => live && setListing({ sessions: r.sessions }))
      .catch((e: unknown) => live && setListing({ error: e }));
    return () => {
      live = false;
    };
  }, [key]);
  return listing;
}

const SHOWN = 5;

/** "2 tastings: Friday flight (4821), Untitled tasting (1234)". */
export function holdingsText(sessions: HostSessionSummary[]): string {
  if (!sessions.length) return t("keys.none");
  const names = sessions.slice(0, SHOWN).map((s) => `${s.title || t("common.untitled")} (${s.code})`);
  if (sessions.length > SHOWN) names.push(t("keys.more", { count: sessions.length - SHOWN }));
  return t("keys.holdings", { count: sessions.length, names: formatList(names) });
}

function Holdings({ listing }: { listing: Listing }) {
  if (!listing) return <span>{t("keys.lookingUp")}</span>;
  if ("error" in listing) return <span>{t("keys.unknown", { reason: errorText(listing.error) })}</span>;
  return <strong>{holdingsText(listing.sessions)}</strong>;
}

export function KeySwitchScreen(props: { incoming: string; current: string; onSwitch: () => void; onKeep: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("key-switch");
  const theirs = useListing(props.incoming);
  const mine = useListing(props.current);
  return (
    <section class="wrap" aria-labelledby="ks-h">
      <h1 id="ks-h" ref={h} tabIndex={-1}>
        {t("keys.title")}
      </h1>
      <p>{t("keys.intro")}</p>
      <ul class="key-holdings">
        <li data-testid="incoming-holdings">{tx("keys.incoming", { holdings: <Holdings listing={theirs} /> })}</li>
        <li data-testid="current-holdings">{tx("keys.current", { holdings: <Holdings listing={mine} /> })}</li>
      </ul>
      <p class="alert" role="note">
        {t("keys.warning")}
      </p>
      <div class="actions">
        <button type="button" class="btn btn-big" onClick={props.onKeep}>
          {t("keys.keep")}
        </button>
        <button type="button" class="btn btn-secondary" onClick={props.onSwitch}>
          {t("keys.switch")}
        </button>
      </div>
    </section>
  );
}
