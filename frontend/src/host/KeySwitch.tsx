// A host link (`/host#k=…`) opened in a browser that already hosts with another key: say whose
// tastings the link's key holds, and switch only when the host confirms (the replaced key is
// kept, so the dashboard can switch back). Without this, anyone could send a host a link that
// makes them create their next tastings under the sender's key.
import { useEffect, useState } from "preact/hooks";
import type { HostSessionSummary } from "../protocol.gen";
import { api, ApiFailure } from "../lib/api";
import type { HostSessionsReply } from "../api.gen";
import { useScreenHeading } from "../lib/a11y";

type Listing = { sessions: HostSessionSummary[] } | { error: string } | null;

/** The sessions a key holds, from the server's history for that key. */
function useListing(key: string): Listing {
  const [listing, setListing] = useState<Listing>(null);
  useEffect(() => {
    let live = true;
    api<HostSessionsReply>("/api/host/sessions", { bearer: key })
      .then((r) => live && setListing({ sessions: r.sessions }))
      .catch((e: unknown) => live && setListing({ error: e instanceof ApiFailure ? e.message : "Could not load its tastings." }));
    return () => {
      live = false;
    };
  }, [key]);
  return listing;
}

const SHOWN = 5;

/** "2 tastings: Friday flight (4821), Untitled tasting (1234)". */
export function holdingsText(sessions: HostSessionSummary[]): string {
  if (!sessions.length) return "no tastings";
  const names = sessions.slice(0, SHOWN).map((s) => `${s.title || "Untitled tasting"} (${s.code})`);
  const more = sessions.length > SHOWN ? `, and ${sessions.length - SHOWN} more` : "";
  return `${sessions.length} ${sessions.length === 1 ? "tasting" : "tastings"}: ${names.join(", ")}${more}`;
}

function Holdings({ listing }: { listing: Listing }) {
  if (!listing) return <span>(looking them up…)</span>;
  if ("error" in listing) return <span>(unknown: {listing.error})</span>;
  return <strong>{holdingsText(listing.sessions)}</strong>;
}

export function KeySwitchScreen(props: { incoming: string; current: string; onSwitch: () => void; onKeep: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("key-switch");
  const theirs = useListing(props.incoming);
  const mine = useListing(props.current);
  return (
    <section class="wrap" aria-labelledby="ks-h">
      <h1 id="ks-h" ref={h} tabIndex={-1}>
        Switch host key?
      </h1>
      <p>This link carries a different host key than the one this browser hosts with.</p>
      <ul class="key-holdings">
        <li data-testid="incoming-holdings">
          The link's key holds <Holdings listing={theirs} />.
        </li>
        <li data-testid="current-holdings">
          Your current key holds <Holdings listing={mine} />.
        </li>
      </ul>
      <p class="alert" role="note">
        Only switch if the link is your own, from your other device. After switching, every tasting you create belongs to
        the link's key: whoever sent it could open them and see the answers. Your current key is kept, so you can switch back.
      </p>
      <div class="actions">
        <button type="button" class="btn btn-big" onClick={props.onKeep}>
          Keep my current key
        </button>
        <button type="button" class="btn btn-secondary" onClick={props.onSwitch}>
          Switch to the link's key
        </button>
      </div>
    </section>
  );
}
