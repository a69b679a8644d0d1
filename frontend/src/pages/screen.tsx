// Screen page (the full screens come with the browser app).
import { render } from "preact";

function Page() {
  return (
    <main>
      <h1>Screen</h1>
    </main>
  );
}

render(<Page />, document.getElementById("app")!);
