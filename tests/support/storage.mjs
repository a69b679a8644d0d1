// Reading a private stack's Durable Object storage directly (node:sqlite), for tests about
// what is stored: run these while the runtime is stopped (`stack.restart(whileStopped)`),
// or read-only while it runs.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

/** Every SQLite file under the stack's storage. */
export function sqliteFiles(stack) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".sqlite")) found.push(path);
    }
  };
  walk(stack.persistDir);
  return found;
}

/** Runs `f(db)` on one database and closes it. */
export function withDatabase(path, f, { readOnly = true } = {}) {
  const db = new DatabaseSync(path, { readOnly });
  try {
    return f(db);
  } finally {
    db.close();
  }
}

const hasTable = (db, name) =>
  db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(name).n > 0;

/** How many databases hold the session schema (`schema_meta`). */
export function sessionSchemaCount(stack) {
  return sqliteFiles(stack).filter((path) => withDatabase(path, (db) => hasTable(db, "schema_meta"))).length;
}

/** The SQLite file of the session stored under `code`. */
export function sessionDatabase(stack, code) {
  const path = sqliteFiles(stack).find((p) =>
    withDatabase(p, (db) => hasTable(db, "session") && db.prepare("SELECT count(*) AS n FROM session WHERE code = ?").get(code).n > 0),
  );
  if (!path) throw new Error(`no database holds session ${code}`);
  return path;
}
