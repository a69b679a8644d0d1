// The host's public display handle (ADJECTIVE-NOUN), drawn once in the browser; it grants nothing.
import { hostHandle, setHostHandle } from "../lib/storage";

const ADJ = ["TANNIC", "OAKY", "CRISP", "VELVETY", "EARTHY", "FLORAL", "SPICY", "SILKY", "BOLD", "RUBY", "GOLDEN", "MINERAL", "ZESTY", "SMOKY", "ELEGANT", "LUSH"];
const NOUN = ["FALCON", "MERLOT", "CELLAR", "DECANTER", "VINTNER", "BARREL", "TERROIR", "MAGNUM", "CHATEAU", "HARVEST", "SOMMELIER", "CORKSCREW", "BOUQUET", "ESTATE", "CUVEE", "GOBLET"];

export function ensureHandle(): string {
  const existing = hostHandle();
  if (existing && /^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(existing)) return existing;
  const r = new Uint8Array(2);
  crypto.getRandomValues(r);
  const handle = `${ADJ[r[0]! % ADJ.length]}-${NOUN[r[1]! % NOUN.length]}`;
  setHostHandle(handle);
  return handle;
}
