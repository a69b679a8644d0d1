// Landing page (/): host a tasting, try a sample one (a plain link: /host pours it, so this
// page loads no catalog code), or join one with its 4-digit code.
import "../styles/home.css";
import { TopBar } from "../components/Brand";
import { CodeForm } from "../components/CodeForm";
import { renderPage, t } from "../i18n";

function Home() {
  return (
    <>
      <TopBar />
      <main class="home">
        <section class="hero">
          <h1>{t("home.title")}</h1>
          <p class="hero-sub">{t("home.intro")}</p>
        </section>
        <div class="home-grid">
          <section class="card" aria-labelledby="join-h">
            <h2 id="join-h">{t("home.joinTitle")}</h2>
            <p class="muted">{t("home.joinIntro")}</p>
            <CodeForm submitLabel={t("home.join")} onCode={(code) => location.assign(`/play?code=${code}&join`)} />
          </section>
          <section class="card" aria-labelledby="host-h">
            <h2 id="host-h">{t("home.hostTitle")}</h2>
            <p class="muted">{t("home.hostIntro")}</p>
            <a class="btn btn-big btn-block" href="/host">
              {t("home.host")}
            </a>
            <a class="btn btn-secondary btn-block home-sample" href="/host?sample" aria-describedby="sample-hint">
              {t("home.sample")}
            </a>
            <p id="sample-hint" class="muted small">
              {t("home.sampleHint")}
            </p>
          </section>
        </div>
      </main>
    </>
  );
}

renderPage(() => <Home />);
