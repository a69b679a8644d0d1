// A test WebSocket client: queues every frame so tests can await the next one of a type.

export class TestSocket {
  static async open(url) {
    const sock = new TestSocket(url);
    await sock.opened;
    return sock;
  }

  constructor(url) {
    this.frames = [];
    this.waiters = [];
    this.closed = null;
    this.ws = new WebSocket(url);
    this.opened = new Promise((ok, fail) => {
      this.ws.addEventListener("open", () => ok(), { once: true });
      this.ws.addEventListener("error", (e) => fail(new Error(`WebSocket error on ${url}: ${e.message ?? e}`)), {
        once: true,
      });
    });
    this.ws.addEventListener("message", (ev) => {
      const msg = JSON.parse(typeof ev.data === "string" ? ev.data : Buffer.from(ev.data).toString());
      this.frames.push(msg);
      this.wake();
    });
    this.ws.addEventListener("close", (ev) => {
      this.closed = { code: ev.code, reason: ev.reason };
      this.wake();
    });
  }

  wake() {
    for (const w of [...this.waiters]) w();
  }

  send(msg) {
    this.ws.send(typeof msg === "string" ? msg : JSON.stringify(msg));
  }

  /** Resolves with the first queued frame matching `pred` (a type string or a function). */
  next(pred, timeoutMs = 10_000) {
    const match = typeof pred === "string" ? (m) => m.type === pred : pred;
    return new Promise((ok, fail) => {
      const check = () => {
        const i = this.frames.findIndex(match);
        if (i >= 0) {
          done();
          ok(this.frames.splice(i, 1)[0]);
        } else if (this.closed) {
          done();
          fail(new Error(`socket closed (${this.closed.code}) before ${pred}; queued: ${JSON.stringify(this.frames)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        fail(new Error(`timed out waiting for ${pred}; queued: ${JSON.stringify(this.frames).slice(0, 2000)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
      };
      this.waiters.push(check);
      check();
    });
  }

  /** Sends a message and awaits the reply of `type` (or an `error`, which rejects). */
  async request(msg, type) {
    this.send(msg);
    const reply = await this.next((m) => m.type === type || m.type === "error");
    if (reply.type === "error" && type !== "error") {
      throw new Error(`${msg.type} refused: ${reply.code} ${reply.message}`);
    }
    return reply;
  }

  /** Resolves when the socket is closed, with {code, reason}. */
  async waitClosed(timeoutMs = 10_000) {
    const start = Date.now();
    while (!this.closed) {
      if (Date.now() - start > timeoutMs) throw new Error("socket did not close");
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.closed;
  }

  close() {
    try {
      this.ws.close(1000, "test done");
    } catch {
      // already closed
    }
  }
}
