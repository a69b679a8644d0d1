// Downloads of host-only results (CSV, JSON) fetched with the host key as bearer token.
import { api } from "../lib/api";

export async function downloadResults(code: string, key: string, format: "csv" | "json"): Promise<void> {
  const path = `/api/sessions/${code}/results${format === "csv" ? "?format=csv" : ""}`;
  const res = await fetch(path, { headers: { Authorization: `Bearer ${key}` } });
  if (!res.ok) {
    // Reuse the JSON error parsing of api() for a readable message.
    await api(path, { bearer: key });
    throw new Error(`Export failed (${res.status})`);
  }
  const blob = await res.blob();
  saveBlob(blob, `sommelier-arena-${code}.${format}`);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
