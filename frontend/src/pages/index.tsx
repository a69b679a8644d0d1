// Landing page (/): host a tasting, or join one with its 4-digit code.
import "../styles/home.css";
import { render } from "preact";
import { TopBar } from "../components/Brand";
import { CodeForm } from "../components/CodeForm";

function Home() {
  return (
    <>
      <TopBar />
      <main class="home">
        <section class="hero">
          <h1>Blind tasting, live.</h1>
          <p class="hero-sub">
            Pour, sip, guess the colour, region, grape, vintage and wine. Everyone answers on their phone; the
            leaderboard tells who has the nose.
          </p>
        </section>
        <div class="home-grid">
          <section class="card" aria-labelledby="join-h">
            <h2 id="join-h">Join a tasting</h2>
            <p class="muted">Got a code from your host?</p>
            <CodeForm submitLabel="Join" onCode={(code) => location.assign(`/play?code=${code}&join`)} />
          </section>
          <section class="card" aria-labelledby="host-h">
            <h2 id="host-h">Host a tasting</h2>
            <p class="muted">Build your wines, show the code on a TV, and run the night from your laptop or phone.</p>
            <a class="btn btn-big btn-block" href="/host">
              Host a tasting
            </a>
          </section>
        </div>
      </main>
    </>
  );
}

render(<Home />, document.getElementById("app")!);
