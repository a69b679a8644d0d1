// Small inline SVG icons (no emoji fonts needed, crisp everywhere); decorative by default.
export function GlassIcon({ class: className = "icon" }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M7 2h10l-.4 6.2A4.6 4.6 0 0 1 12 12.5a4.6 4.6 0 0 1-4.6-4.3L7 2z" fill="currentColor" opacity=".35" />
      <path d="M7.5 6.5h9l-.2 1.7A4.3 4.3 0 0 1 12 12a4.3 4.3 0 0 1-4.3-3.8l-.2-1.7z" fill="#b0243f" />
      <path d="M11.2 12.4h1.6V19h3v2H8.2v-2h3z" fill="currentColor" />
    </svg>
  );
}

export function PauseIcon({ class: className = "icon" }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="6" y="4" width="4" height="16" rx="1" fill="currentColor" />
      <rect x="14" y="4" width="4" height="16" rx="1" fill="currentColor" />
    </svg>
  );
}

export function GlobeIcon({ class: className = "icon" }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="1.8" />
      <path d="M3 12h18M12 3c2.6 2.5 3.8 5.5 3.8 9s-1.2 6.5-3.8 9c-2.6-2.5-3.8-5.5-3.8-9S9.4 5.5 12 3z" fill="none" stroke="currentColor" stroke-width="1.8" />
    </svg>
  );
}
