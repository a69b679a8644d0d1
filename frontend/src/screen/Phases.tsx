// The projector's screens, sized for a 16:9 room: lobby (big code, QR, players), question
// (prompt band, four full-colour tiles over the lower half, big timer and answered count),
// reveal (bars growing in the options' colours, wrong options faded, the right one marked),
// leaderboards (points gained, rank movement) and the staged podium with confetti.
import { useEffect, useRef, useState } from "preact/hooks";
import type { HostState } from "../lib/hostState";
import type { HostPalate } from "../protocol.gen";
import { joinLink } from "../lib/storage";
import { useScreenHeading } from "../lib/a11y";
import { LETTERS } from "../lib/labels";
import { formatNumber, t, tx } from "../i18n";
import { categoryLabel, categoryPrompt, endReasonText, titleText } from "../i18n/wire";
import "../i18n/staff"; // the host-only texts this module shows
import { QrCode } from "../lib/qr";
import { Countdown } from "../components/Countdown";
import { Distribution } from "../components/Distribution";
import { Leaderboard } from "../components/Leaderboard";
import { WineCard } from "../components/WineCard";
import { Podium } from "../components/Podium";
import { PauseIcon } from "../components/Icons";
import { fitStep } from "./fit";

/** Text boxes at 16:9, in u (screen.css): an option tile, a reveal row, the wine card's name. */
const TILE = { width: 36, height: 15 };
const REVEAL_ROW = { width: 40, height: 7 };
const WINE_NAME = { width: 36, height: 10 };
const WINE_FACT = { width: 25, height: 6 };
const TITLE = { width: 52, height: 10 };

export function ScreenPhase({ state, code }: { state: HostState; code: string }) {
  switch (state.phase) {
    case "waiting":
      return <Lobby state={state} code={code} />;
    case "question_open":
    case "question_paused":
    case "question_revealed":
      return <Question state={state} />;
    case "question_leaderboard":
    case "round_leaderboard":
      return <Board state={state} />;
    case "ended":
      return <Final state={state} />;
  }
}

/** Chips shown in the lobby, newest first; the screen shows as many whole rows as fit. */
const SHOWN_PLAYERS = 40;

function Lobby({ state, code }: { state: HostState; code: string }) {
  const h = useScreenHeading<HTMLHeadingElement>("lobby");
  const n = state.participants.length;
  const title = state.tasting ? titleText(state.tasting.title, state.titleIsDefault) : t("play.defaultTitle");
  return (
    <section class="screen-lobby" aria-labelledby="s-lobby-h">
      <div class="screen-lobby-main">
        <h1 id="s-lobby-h" ref={h} tabIndex={-1} class="screen-title" data-fit={fitStep([title], TITLE)}>
          {title}
        </h1>
        {state.locked ? (
          <p class="screen-join" data-testid="screen-locked">
            {t("screen.lobbyClosed")}
          </p>
        ) : (
          <p class="screen-join">{tx("screen.joinAt", { url: <strong>{location.host}/play</strong> })}</p>
        )}
        <p class="code-big screen-code" data-testid="screen-code" aria-label={t("session.code", { code: code.split("").join(" ") })}>
          {code}
        </p>
        <p class="screen-count" data-testid="screen-count">
          {t("screen.count", { count: n })}
        </p>
      </div>
      <div class="screen-qr">
        <QrCode text={joinLink(code)} label={t("session.qr", { code })} />
        <p>{t("screen.scan")}</p>
      </div>
      {n ? (
        <ul class="screen-players" aria-label={t("session.players")}>
          {/* The latest arrivals first; a big room would not fit on one screen. */}
          {state.participants
            .slice(-SHOWN_PLAYERS)
            .reverse()
            .map((p) => (
              <li key={p.pseudonym}>{p.pseudonym}</li>
            ))}
          {n > SHOWN_PLAYERS ? <li class="more">{t("screen.more", { count: n - SHOWN_PLAYERS })}</li> : null}
        </ul>
      ) : null}
    </section>
  );
}

function Question({ state }: { state: HostState }) {
  const q = state.question;
  const revealed = state.phase === "question_revealed" && state.reveal;
  const h = useScreenHeading<HTMLHeadingElement>(`${q?.questionId ?? ""}-${!!revealed}`);
  if (!q) return null;
  const paused = state.phase === "question_paused";
  const texts = q.options.map((o) => o.text);
  return (
    <section aria-labelledby="s-q-h" class={`screen-question${revealed ? " is-revealed" : ""}${paused ? " is-paused" : ""}`}>
      <div class="screen-q-band">
        <div class="screen-q-text">
          <p class="progress-label screen-progress">
            {t("session.progress", { n: q.roundIndex + 1, total: q.totalRounds, q: q.questionIndex + 1, questions: q.totalQuestions })} · {categoryLabel(q.category)}
          </p>
          <h1 id="s-q-h" ref={h} tabIndex={-1} class="screen-prompt">
            {categoryPrompt(q.category)}
          </h1>
        </div>
        {revealed ? null : (
          <div class="screen-q-side">
            <p class="screen-answered" data-testid="screen-answered">
              {tx("screen.answered", { count: <strong>{formatNumber(state.answered.length)}</strong>, total: state.participants.length }, state.answered.length)}
            </p>
            <Countdown timer={state.timer} paused={paused} size="lg" />
          </div>
        )}
      </div>
      {paused ? (
        <p class="screen-paused" role="status" data-testid="screen-paused">
          <PauseIcon /> {t("play.paused")}
        </p>
      ) : null}
      {revealed && state.reveal ? (
        <div class="screen-dist" data-fit={fitStep(texts, REVEAL_ROW)}>
          <Distribution options={q.options} counts={state.reveal.optionCounts} correctOptionId={state.reveal.correctOptionId} />
        </div>
      ) : (
        <ol class="screen-options" data-fit={fitStep(texts, TILE)}>
          {q.options.map((o, i) => (
            <li key={o.id} class={`opt-${i}`}>
              <span class="opt-letter" aria-hidden="true">
                {LETTERS[i]}
              </span>
              <span class="opt-text">{o.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Board({ state }: { state: HostState }) {
  const round = state.phase === "round_leaderboard";
  const h = useScreenHeading<HTMLHeadingElement>(`${state.phase}-${state.roundIndex}-${state.questionIndex}`);
  const wine = round ? state.wine : null;
  return (
    <section aria-labelledby="s-b-h" class={`screen-boards${wine ? " screen-round" : ""}`}>
      <h1 id="s-b-h" ref={h} tabIndex={-1}>
        {round ? t("screen.afterWine", { n: state.roundIndex + 1 }) : t("board.title")}
      </h1>
      <div class="screen-board">
        {wine ? (
          <div
            class="screen-wine"
            data-name-fit={fitStep([wine.name], WINE_NAME)}
            data-fit={fitStep(
              wine.answers.filter((a) => a.category !== "wine_name").map((a) => a.answer),
              WINE_FACT,
            )}
          >
            <WineCard wine={wine} roundIndex={state.roundIndex} totalRounds={state.totalRounds} />
          </div>
        ) : null}
        <Leaderboard rankings={state.rankings ?? []} previous={state.previousBoard} limit={10} big title={round ? t("play.roundBoard") : t("board.title")} />
      </div>
    </section>
  );
}

/** The room's share of right answers per category and the top three's strongest category. */
function RoomPalate({ palate }: { palate: HostPalate }) {
  const top = palate.reports.slice(0, 3).filter((r) => r.strongest);
  return (
    <section class="screen-palate" aria-labelledby="s-p-h" data-testid="screen-palate">
      <h2 id="s-p-h">{t("screen.palateRoom")}</h2>
      <div>
        <h3>{t("screen.palateAverage")}</h3>
        <ul class="screen-palate-list">
          {palate.room.map((c) => {
            const share = c.questions ? c.correct / c.questions : 0;
            return (
              <li key={c.category}>
                <span>{categoryLabel(c.category)}</span>
                <span class="screen-palate-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(share * 100)}%` }} />
                </span>
                <strong>{formatNumber(share, { style: "percent", maximumFractionDigits: 0 })}</strong>
              </li>
            );
          })}
        </ul>
      </div>
      {top.length ? (
        <div>
          <h3>{t("screen.palateStrong")}</h3>
          <ul class="screen-palate-list screen-palate-top">
            {top.map((r) => (
              <li key={r.pseudonym}>
                <span>{r.pseudonym}</span> <strong>{categoryLabel(r.strongest!)}</strong>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** The podium in stages: third, second, first (then confetti), then ranks four to ten. */
function Final({ state }: { state: HostState }) {
  const h = useScreenHeading<HTMLHeadingElement>("final");
  const canvas = useRef<HTMLCanvasElement>(null);
  const [rest, setRest] = useState(false);
  const rankings = state.rankings ?? [];
  const calm = matchMedia("(prefers-reduced-motion: reduce)").matches;
  useEffect(() => {
    if (!state.final || !rankings.length) return;
    if (calm) {
      setRest(true);
      return;
    }
    let stop: (() => void) | undefined;
    let live = true;
    const confetti = setTimeout(() => {
      void import("./confetti").then((m) => {
        if (live && canvas.current) stop = m.celebrate(canvas.current);
      });
    }, 2600);
    const later = setTimeout(() => setRest(true), 4200);
    return () => {
      live = false;
      clearTimeout(confetti);
      clearTimeout(later);
      stop?.();
    };
  }, [state.final]);
  const others = rankings.filter((r) => r.rank > 3).slice(0, 7);
  const showRest = rest && (others.length > 0 || !!state.palate);
  return (
    <section aria-labelledby="s-f-h" class={`screen-final${showRest ? " has-rest" : ""}`}>
      <canvas ref={canvas} class="confetti" aria-hidden="true" />
      <div class="screen-final-stage">
        <h1 id="s-f-h" ref={h} tabIndex={-1}>
          {state.final ? t("screen.podium") : t("play.over")}
        </h1>
        {state.endReason ? <p class="screen-note">{endReasonText(state.endReason)}</p> : null}
        {rankings.length ? <Podium rankings={rankings} /> : null}
      </div>
      {showRest ? (
        <div class="screen-rest" data-testid="screen-rest">
          {others.length ? (
            <section class="screen-others" aria-labelledby="s-r-h">
              <h2 id="s-r-h">{t("screen.rest")}</h2>
              <Leaderboard rankings={others} big title={t("screen.rest")} />
            </section>
          ) : null}
          {state.palate ? <RoomPalate palate={state.palate} /> : null}
        </div>
      ) : null}
    </section>
  );
}
