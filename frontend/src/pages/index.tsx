// Landing page: host a tasting or join one with a code.
import { render } from "preact";

function Home() {
  return (
    <main>
      <h1>Sommelier Arena</h1>
      <p>A live blind wine tasting quiz.</p>
      <p>
        <a href="/host">Host a tasting</a> · <a href="/play">Join with a code</a>
      </p>
    </main>
  );
}

render(<Home />, document.getElementById("app")!);
