// Browser storage of identities: the host key and handle (localStorage), participant rejoin
// credentials per session code, and the fragment links that carry them to another device.

const HOST_KEY = "sa:hostKey";
const HOST_HANDLE = "sa:hostHandle";
const PLAYER_PREFIX = "sa:player:";

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
  return /^[\x21-\x7e]{22,256}$/.test(key);
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

export function setHostKey(key: string): void {
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

/** The "continue on another device" link: the key travels in the fragment, never the query. */
export function hostDeviceLink(key: string, code?: string): string {
  const query = code ? `?code=${code}` : "";
  return `${location.origin}/host${query}#k=${encodeURIComponent(key)}`;
}

export interface PlayerCredentials {
  pseudonym: string;
  token: string;
}

export function playerCredentials(code: string): PlayerCredentials | null {
  const raw = read(PLAYER_PREFIX + code);
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

export function setPlayerCredentials(code: string, creds: PlayerCredentials | null): void {
  write(PLAYER_PREFIX + code, creds ? JSON.stringify(creds) : null);
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
