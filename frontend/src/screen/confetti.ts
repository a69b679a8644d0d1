// Confetti for the podium (canvas-confetti, loaded only when the podium shows). Drawn on the
// page's own canvas without a worker: the CSP allows no blob: workers.
import confetti from "canvas-confetti";

export function celebrate(canvas: HTMLCanvasElement): () => void {
  const fire = confetti.create(canvas, { resize: true, useWorker: false, disableForReducedMotion: true });
  const colors = ["#f1c84b", "#b8860b", "#f3a6b8", "#ffffff", "#8c1c3a"];
  void fire({ particleCount: 140, spread: 100, startVelocity: 45, origin: { y: 0.65 }, colors });
  const second = setTimeout(() => void fire({ particleCount: 90, angle: 60, spread: 70, origin: { x: 0, y: 0.7 }, colors }), 450);
  const third = setTimeout(() => void fire({ particleCount: 90, angle: 120, spread: 70, origin: { x: 1, y: 0.7 }, colors }), 700);
  return () => {
    clearTimeout(second);
    clearTimeout(third);
    fire.reset();
  };
}
