// Hosting from a phone (≤ 700 px, styles in host.css): a sticky bar at thumb reach with the
// one main action of the moment (Start, Reveal, Next) and Pause/Resume; everything else the
// host view offers (edit, lock, control room, links, End) sits in a "More" menu that follows
// the WAI-ARIA menu button pattern: Enter, Space or ↓ opens it on its first item, ↑ on its
// last; arrows, Home and End move; Escape closes it and focus returns to the button; Tab or a
// click outside closes it. End asks for a confirmation in the bar before it ends the game.
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { ClientMessage } from "../protocol.gen";
import { nextLabel, type HostState } from "../lib/hostState";
import { hostDeviceLink, joinLink, screenDeviceLink } from "../lib/storage";
import { everyoneAnswered } from "../screen/controls";
import { copyText } from "../components/CopyButton";
import { PauseIcon } from "../components/Icons";
import { t } from "../i18n";
import "../i18n/staff";

interface Props {
  state: HostState;
  code: string;
  hostKey: string;
  send: (m: ClientMessage) => void;
  onEdit: () => void;
}

/** One entry of the menu: an action, or a link that opens in a new tab. */
type Item = { id: string; label: string; danger?: boolean } & ({ run: () => void } | { href: string });

/** The main action(s) of the moment, Pause/Resume first (the main one is the wider, last). */
function MainActions({ state, send }: Pick<Props, "state" | "send">) {
  switch (state.phase) {
    case "waiting":
      return (
        <button type="button" class="btn btn-big" disabled={state.participants.length === 0} onClick={() => send({ type: "host:start" })}>
          <span aria-hidden="true">▶ </span>
          {t("session.start")}
        </button>
      );
    case "question_open":
    case "question_paused":
      return (
        <>
          {state.phase === "question_paused" ? (
            <button type="button" class="btn btn-big btn-secondary" onClick={() => send({ type: "host:resume" })}>
              <span aria-hidden="true">▶ </span>
              {t("session.resume")}
            </button>
          ) : (
            <button type="button" class="btn btn-big btn-secondary" onClick={() => send({ type: "host:pause" })}>
              <PauseIcon /> {t("session.pause")}
            </button>
          )}
          <button type="button" class="btn btn-big" onClick={() => send({ type: "host:reveal" })}>
            {t("session.reveal")}
            {everyoneAnswered(state) ? <span class="all-answered"> {t("session.everyone")}</span> : null}
          </button>
        </>
      );
    default:
      return (
        <button type="button" class="btn btn-big" onClick={() => send({ type: "host:next" })}>
          {nextLabel(state)} <span aria-hidden="true">→</span>
        </button>
      );
  }
}

export function PhoneBar({ state, code, hostKey, send, onEdit }: Props) {
  const [open, setOpen] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [said, setSaid] = useState("");
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  // Where focus goes once the menu has rendered: the first or last item.
  const [focusAt, setFocusAt] = useState<"first" | "last" | null>(null);

  const copy = (text: string) => () => void copyText(text).then((ok) => setSaid(ok ? t("copy.announce") : t("copy.failed")));
  const items: Item[] = [
    ...(state.phase === "waiting"
      ? [
          { id: "edit", label: t("form.editLabel"), run: onEdit },
          { id: "lock", label: state.locked ? t("session.unlockLobby") : t("session.lockLobby"), run: () => send({ type: state.locked ? "host:unlock" : "host:lock" }) },
          { id: "join", label: t("session.copyJoin"), run: copy(joinLink(code)) },
        ]
      : []),
    { id: "screen", label: t("session.projector"), href: `/screen?code=${code}` },
    { id: "tv", label: t("session.copyTv"), run: copy(screenDeviceLink(hostKey, code)) },
    { id: "device", label: t("play.copyPrivate"), run: copy(hostDeviceLink(hostKey, code)) },
    { id: "end", label: t("session.end"), danger: true, run: () => setConfirmEnd(true) },
  ];

  const entries = () => [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
  // Focus moves in a layout effect, right after the render, so a key pressed next already
  // lands on the item (a plain effect waits for a frame).
  useLayoutEffect(() => {
    if (!open || !focusAt) return;
    const all = entries();
    (focusAt === "first" ? all[0] : all[all.length - 1])?.focus();
    setFocusAt(null);
  }, [open, focusAt]);
  // A click or tap outside closes the menu (focus stays where the click put it); so does
  // Escape wherever focus went (the menu's own handler returns focus to the button).
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === "Escape") close(true);
    };
    document.addEventListener("pointerdown", away);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", away);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);
  // The confirmation takes focus on its safe choice; leaving it gives focus back to More.
  const backToMore = useRef(false);
  useLayoutEffect(() => {
    if (confirmEnd) keep.current?.focus();
    else if (backToMore.current) button.current?.focus();
    backToMore.current = false;
  }, [confirmEnd]);
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(""), 2500);
    return () => clearTimeout(timer);
  }, [said]);
  // A new phase closes the menu and any pending confirmation.
  useEffect(() => {
    setOpen(false);
    setConfirmEnd(false);
  }, [state.phase]);

  const openAt = (where: "first" | "last") => {
    setOpen(true);
    setFocusAt(where);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (item: Item) => {
    close(true);
    if ("run" in item) item.run();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      openAt("first");
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      openAt("last");
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const all = entries();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => all[(i + all.length) % all.length]?.focus();
    switch (e.key) {
      case "ArrowDown":
        move(at + 1);
        break;
      case "ArrowUp":
        move(at - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(all.length - 1);
        break;
      case "Escape":
        close(true);
        break;
      case "Tab":
        setOpen(false);
        return; // focus moves on as usual
      default:
        return;
    }
    e.preventDefault();
  };

  if (state.phase === "ended") return null;
  return (
    <div class="phone-bar" role="region" aria-label={t("screen.controls")} data-testid="phone-bar">
      {confirmEnd ? (
        <div class="phone-bar-confirm" role="group" aria-labelledby="phone-end-q">
          <p id="phone-end-q" class="phone-bar-question">
            {t("session.endAsk")}
          </p>
          <button
            type="button"
            class="btn btn-danger"
            onClick={() => {
              setConfirmEnd(false);
              send({ type: "host:end" });
            }}
          >
            {t("session.endConfirm")}
          </button>
          <button
            type="button"
            ref={keep}
            class="btn btn-secondary"
            onClick={() => {
              backToMore.current = true;
              setConfirmEnd(false);
            }}
          >
            {t("session.keepPlaying")}
          </button>
        </div>
      ) : (
        <>
          <MainActions state={state} send={send} />
          <div class="phone-more">
            <button
              type="button"
              ref={button}
              id="phone-more-button"
              class="btn btn-big btn-secondary phone-more-button"
              aria-haspopup="menu"
              aria-expanded={open}
              aria-controls="phone-more-menu"
              onClick={() => (open ? close(false) : openAt("first"))}
              onKeyDown={onButtonKey}
            >
              <span class="phone-more-dots" aria-hidden="true">
                ⋯
              </span>
              {t("session.more")}
            </button>
            <ul id="phone-more-menu" ref={menu} role="menu" aria-labelledby="phone-more-button" class="phone-menu" hidden={!open} onKeyDown={onMenuKey}>
              {items.map((item) => (
                <li role="none" key={item.id}>
                  {"href" in item ? (
                    <a role="menuitem" tabIndex={-1} href={item.href} target="_blank" rel="noopener" onClick={() => close(false)}>
                      {item.label}
                    </a>
                  ) : (
                    <button type="button" role="menuitem" tabIndex={-1} class={item.danger ? "danger" : undefined} onClick={() => choose(item)}>
                      {item.label}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
      <p class={said ? "phone-bar-said" : "sr-only"} role="status">
        {said}
      </p>
    </div>
  );
}
