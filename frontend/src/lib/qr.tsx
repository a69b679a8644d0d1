// QR codes rendered in the browser (qrcode-generator) as one SVG path: crisp at any size.
import qrcode from "qrcode-generator";
import { useMemo } from "preact/hooks";

/** The SVG path data and module count for `text`. */
export function qrPath(text: string): { d: string; size: number } {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = "";
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.isDark(r, c)) d += `M${c} ${r}h1v1h-1z`;
    }
  }
  return { d, size: n };
}

export function QrCode({ text, label, class: className }: { text: string; label: string; class?: string }) {
  const { d, size } = useMemo(() => qrPath(text), [text]);
  const m = 2; // quiet zone, in modules
  return (
    <svg
      class={className ?? "qr"}
      role="img"
      aria-label={label}
      viewBox={`${-m} ${-m} ${size + 2 * m} ${size + 2 * m}`}
      shape-rendering="crispEdges"
    >
      <rect x={-m} y={-m} width={size + 2 * m} height={size + 2 * m} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
