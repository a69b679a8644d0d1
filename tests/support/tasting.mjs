// Tasting fixtures and a session-driving helper for integration tests.
import { randomBytes } from "node:crypto";
import { TestSocket } from "./ws-client.mjs";

export const CATEGORIES = ["color", "region", "grape_variety", "vintage_year", "wine_name"];

const ANSWERS = [
  ["Red", "Bordeaux, France", "Merlot", "2015", "Château Margaux"],
  ["White", "Burgundy, France", "Chardonnay", "2018", "Puligny-Montrachet"],
  ["Rosé", "Provence, France", "Grenache", "2021", "Whispering Angel"],
  ["Red", "Tuscany, Italy", "Sangiovese", "2016", "Tignanello"],
];
const DISTRACTORS = [
  ["White", "Rosé", "Orange"],
  ["Rioja, Spain", "Napa Valley, USA", "Mosel, Germany"],
  ["Syrah", "Pinot Noir", "Riesling"],
  ["2010", "2019", "2001"],
  ["Opus One", "Sassicaia", "Vega Sicilia Único"],
];

/** A valid tasting of `wines` wines (answers differ per wine). */
export function makeTasting(wines = 2, extra = {}) {
  return {
    title: "Test tasting",
    timerSeconds: 60,
    maxParticipants: 50,
    ...extra,
    wines: Array.from({ length: wines }, (_, w) => ({
      questions: CATEGORIES.map((category, i) => {
        const correct = ANSWERS[w % ANSWERS.length][i];
        const distractors = DISTRACTORS[i].map((d) => (d.toLowerCase() === correct.toLowerCase() ? `${d} (alt)` : d));
        return { category, correctAnswer: correct, distractors };
      }),
    })),
  };
}

export const newHostKey = () => randomBytes(16).toString("hex");

/** POST /api/sessions; returns {code, hostKey}. */
export async function createSession(stack, { tasting = makeTasting(), hostKey = newHostKey(), hostHandle } = {}) {
  const res = await fetch(`${stack.baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hostKey, hostHandle, tasting }),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`create failed ${res.status}: ${JSON.stringify(body)}`);
  return { code: body.code, hostKey };
}

/** Opens a socket to a session and consumes the greeting. */
export async function connect(stack, code) {
  const sock = await TestSocket.open(`${stack.wsBase}/api/sessions/${code}/ws`);
  sock.greeting = await sock.next("server:state_snapshot");
  return sock;
}

export async function connectHost(stack, code, hostKey) {
  const sock = await connect(stack, code);
  sock.snapshot = await sock.request({ type: "rejoin_host", hostKey }, "host:state_snapshot");
  return sock;
}

export async function joinPlayer(stack, code) {
  const sock = await connect(stack, code);
  const joined = await sock.request({ type: "join_session" }, "participant:joined");
  sock.pseudonym = joined.pseudonym;
  sock.token = joined.token;
  return sock;
}

/** The option id whose text is the correct answer of `question` in a host tasting. */
export function correctOption(hostTasting, questionId) {
  for (const wine of hostTasting.wines) {
    for (const q of wine.questions) if (q.questionId === questionId) return q.correctOptionId;
  }
  throw new Error(`no question ${questionId}`);
}

export function wrongOption(hostTasting, questionId) {
  for (const wine of hostTasting.wines) {
    for (const q of wine.questions) {
      if (q.questionId === questionId) return q.options.find((o) => o.id !== q.correctOptionId).id;
    }
  }
  throw new Error(`no question ${questionId}`);
}
