// A new session's object makes the current schema in one step (storage.rs `CURRENT_SCHEMA`)
// instead of running every migration; an object made before keeps migrating. Both must end
// with the same tables, columns, keys and defaults: this runs both lists of statements, as
// written in storage.rs, on SQLite (node:sqlite) and compares what they made.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { ROOT } from "../support/stack.mjs";

const source = readFileSync(join(ROOT, "game-session-do/src/session_object/storage.rs"), "utf8");

/** The string literals of one `const NAME: … = &[ … ];` list of statements. */
function statements(name) {
  const start = source.indexOf(`const ${name}:`);
  assert.ok(start >= 0, `${name} not found in storage.rs`);
  const end = source.indexOf("\n];", start);
  return [...source.slice(start, end).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
}

/** Every table's columns (with types, defaults, keys), indexes and rowid-ness. */
function schemaAfter(list) {
  const db = new DatabaseSync(":memory:");
  try {
    for (const statement of list) db.exec(statement);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    return Object.fromEntries(tables.map(({ name, sql }) => [name, {
      columns: db.prepare(`PRAGMA table_xinfo(${name})`).all(),
      indexes: db.prepare(`PRAGMA index_list(${name})`).all()
        .map((i) => ({ ...i, columns: db.prepare(`PRAGMA index_info(${i.name})`).all() })),
      withoutRowid: /WITHOUT ROWID/i.test(sql),
    }]));
  } finally {
    db.close();
  }
}

test("the one-step schema of a new object equals what the migrations lead to", () => {
  const migrated = schemaAfter(statements("MIGRATIONS"));
  const fresh = schemaAfter(statements("CURRENT_SCHEMA"));
  assert.ok(Object.keys(migrated).includes("answers"), "the migrations made no answers table");
  assert.deepEqual(fresh, migrated);
});
