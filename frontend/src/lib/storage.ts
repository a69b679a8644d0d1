// Browser storage of identities: the host key and handle (localStorage), participant rejoin
// credentials per session code, and the fragment links that carry them to another device. A key
// or seat arriving by link never silently replaces a different one: the page asks first
// (`arrivalDecision`), and the replaced one is kept so the user can switch back.

import { LIMITS } from "../api.gen";

const HOST_KEY = "sa:hostKey";
const HOST_KEY_PREVIOUS = "sa:hostKey:previous";
const HOST_HANDLE = "sa:hostHandle";
const PLAYER_PREFIX = "sa:player:";
const PLAYER_PREVIOUS_PREFIX = "sa:player-previous:";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // storage disabled (private mode): the session still works until the tab closes
  }
}

/** `bytes` random bytes from the browser's CSPRNG, base64url without padding. */
export function randomSecret(bytes = 32): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  let bin = "";
  for (const b of buf) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A key is acceptable when it is printable ASCII of a sensible length (the server's rule). */
export function isPlausibleKey(key: string): boolean {
  return key.length >= LIMITS.MIN_HOST_KEY_CHARS && key.length <= LIMITS.MAX_HOST_KEY_CHARS && /^[\x21-\x7e]+$/.test(key);
}

/** The stored host key, if any (does not create one). */
export function storedHostKey(): string | null {
  const key = read(HOST_KEY);
  return key && isPlausibleKey(key) ? key : null;
}

/** The host key, created (256 random bits) on first use. */
export function hostKey(): string {
  let key = storedHostKey();
  if (!key) {
    key = randomSecret(32);
    write(HOST_KEY, key);
  }
  return key;
}

/**
 * What to do with an identity arriving by link, given the one stored: store it when nothing is
 * stored ("adopt"), nothing when it is the same ("same"), otherwise ask the user ("ask").
 */
export function arrivalDecision<T>(stored: T | null, incoming: T, same: (a: T, b: T) => boolean): "adopt" | "same" | "ask" {
  if (stored === null) return "adopt";
  return same(stored, incoming) ? "same" : "ask";
}

/** The host key this browser used before the last switch, if any. */
export function previousHostKey(): string | null {
  const key = read(HOST_KEY_PREVIOUS);
  return key && isPlausibleKey(key) && key !== storedHostKey() ? key : null;
}

/** Makes `key` this browser's host key, keeping the one it replaces to switch back to. */
export function switchHostKey(key: string): void {
  const current = storedHostKey();
  if (current && current !== key) write(HOST_KEY_PREVIOUS, current);
  write(HOST_KEY, key);
}

export function hostHandle(): string | null {
  return read(HOST_HANDLE);
}

export function setHostHandle(handle: string): void {
  write(HOST_HANDLE, handle);
}

/** Parses `#k=…` (host key) or `#p=…&t=…` (participant) fragments. */
export function readFragment(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ""));
}

/** Removes the fragment from the address bar (and history) once its secret is stored. */
export function clearFragment(): void {
  history.replaceState(history.state, "", location.pathname + location.search);
}

const SCREEN_KEY = "sa:screenKey";

/**
 * The key the projector uses: one carried by a TV link (`/screen?code=…#k=…`), kept for this tab
 * only (sessionStorage) and never made this browser's host key, so a TV link cannot fixate a
 * key; otherwise this browser's own host key.
 */
export function screenKey(): string | null {
  const k = readFragment().get("k");
  if (location.hash) clearFragment();
  try {
    if (k && isPlausibleKey(k)) sessionStorage.setItem(SCREEN_KEY, k);
    const kept = sessionStorage.getItem(SCREEN_KEY);
    if (kept && isPlausibleKey(kept)) return kept;
  } catch {
    if (k && isPlausibleKey(k)) return k;
  }
  return storedHostKey();
}

/** The projector link for a TV's browser: the control room with the key in the fragment. */
export function screenDeviceLink(key: string, code: string): string {
  return `${location.origin}/screen?code=${code}#k=${encodeURIComponent(key)}`;
}

/** The "continue on another device" link: the key travels in the fragment, never the query. */
export function hostDeviceLink(key: string, code?: string): string {
  const query = code ? `?code=${code}` : "";
  return `${location.origin}/host${query}#k=${encodeURIComponent(key)}`;
}

export interface PlayerCredentials {
  pseudonym: string;
  token: string;
}

function readCredentials(key: string): PlayerCredentials | null {
  const raw = read(key);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PlayerCredentials>;
    if (typeof value.pseudonym === "string" && typeof value.token === "string") {
      return { pseudonym: value.pseudonym, token: value.token };
    }
  } catch {
    // corrupt entry: treated as absent
  }
  return null;
}

export function playerCredentials(code: string): PlayerCredentials | null {
  return readCredentials(PLAYER_PREFIX + code);
}

export function setPlayerCredentials(code: string, creds: PlayerCredentials | null): void {
  write(PLAYER_PREFIX + code, creds ? JSON.stringify(creds) : null);
}

export function sameSeat(a: PlayerCredentials, b: PlayerCredentials): boolean {
  return a.pseudonym === b.pseudonym && a.token === b.token;
}

/** The seat in session `code` this browser held before the last switch, if any. */
export function previousPlayerCredentials(code: string): PlayerCredentials | null {
  return readCredentials(PLAYER_PREVIOUS_PREFIX + code);
}

/** Makes `creds` this browser's seat in `code`, keeping the seat it replaces to switch back to. */
export function switchPlayerSeat(code: string, creds: PlayerCredentials): void {
  const current = playerCredentials(code);
  if (current && !sameSeat(current, creds)) write(PLAYER_PREVIOUS_PREFIX + code, JSON.stringify(current));
  setPlayerCredentials(code, creds);
}

/** The cross-device rejoin link for a participant (token in the fragment). */
export function playerDeviceLink(code: string, creds: PlayerCredentials): string {
  const frag = new URLSearchParams({ p: creds.pseudonym, t: creds.token });
  return `${location.origin}/play?code=${code}#${frag.toString()}`;
}

/** The public join link for a session. */
export function joinLink(code: string): string {
  return `${location.origin}/play?code=${code}`;
}
