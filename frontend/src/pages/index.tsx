// Landing page (/): host a tasting, or join one with its 4-digit code.
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
          </section>
        </div>
      </main>
    </>
  );
}

renderPage(() => <Home />);
