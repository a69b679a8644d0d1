// The platform floor, JavaScript side: the least a Durable Object with hibernating
// WebSockets can do per frame under the same runtime as the game, so that every figure of
// ours can be printed beside it (scripts/bench-compare.mjs, docs/benchmarks.md).
//
// Routes (the entry worker only forwards to one object per room):
//   GET /js/ROOM/ws    -> the JavaScript object below
//   GET /rust/ROOM/ws  -> the Rust object (bench/floor/rust), bound by script name
// Frames (text): "e…" echoed as is; "w…" one SQLite upsert, then echoed (persist before
// send, like the game); "b…" sent to every socket of the room; "p…" one SQLite upsert, then
// sent to every socket (a persisted broadcast, like a host command's). On accept the object sends
// "hi", the analogue of the game's greeting snapshot.
import { DurableObject } from "cloudflare:workers";

export class FloorJs extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID");
  }

  async fetch(request) {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("websocket only", { status: 426 });
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.send("hi");
    return new Response(null, { status: 101, webSocket: client });
  }

  webSocketMessage(ws, message) {
    const kind = typeof message === "string" ? message[0] : "";
    if (kind === "e") {
      ws.send(message);
    } else if (kind === "w") {
      this.upsert(message);
      ws.send(message);
    } else if (kind === "b") {
      for (const other of this.ctx.getWebSockets()) other.send(message);
    } else if (kind === "p") {
      this.upsert(message);
      for (const other of this.ctx.getWebSockets()) other.send(message);
    }
  }

  upsert(value) {
    this.ctx.storage.sql.exec("INSERT INTO kv (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v", "key", value);
  }

  webSocketClose(ws) {
    ws.close(1000, "closed");
  }
}

export default {
  async fetch(request, env) {
    const [, kind, room, tail] = new URL(request.url).pathname.split("/");
    const ns = kind === "js" ? env.FLOOR_JS : kind === "rust" ? env.FLOOR_RUST : null;
    if (!ns || !room || tail !== "ws") return new Response("not found", { status: 404 });
    return ns.get(ns.idFromName(room)).fetch(request);
  },
};
