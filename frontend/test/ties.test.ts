// A shared rank on the phone: the server's `tied` flag (not the podium lines the phone received)
// decides, and each language words the tie ("Tied 3rd of 5", "3e ex æquo sur 5", …).
import { test } from "node:test";
import assert from "node:assert/strict";
import { setLanguage, type Lang } from "../src/i18n/core";
import { placeText, standingText } from "../src/lib/ranks";
import { applyPlayer, EMPTY_GAME, myRank, myTied } from "../src/play/state";
import { clock } from "./fixtures";

test("a tied place reads as a tie in every language; a lone one does not", async () => {
  const expect: Record<Lang, { lone: string; tied: string; tiedNoTotal: string; you: string; youOne: string }> = {
    en: { lone: "3rd of 5", tied: "Tied 3rd of 5", tiedNoTotal: "Tied 3rd", you: "You are tied for 3rd of 5 with 25 points", youOne: "You are tied for 3rd of 5 with 1 point" },
    fr: { lone: "3e sur 5", tied: "3e ex æquo sur 5", tiedNoTotal: "3e ex æquo", you: "Vous êtes 3e ex æquo sur 5 avec 25 points", youOne: "Vous êtes 3e ex æquo sur 5 avec 1 point" },
    es: { lone: "3º de 5", tied: "3º ex aequo de 5", tiedNoTotal: "3º ex aequo", you: "Compartes el 3º puesto de 5 con 25 puntos", youOne: "Compartes el 3º puesto de 5 con 1 punto" },
    it: { lone: "3º su 5", tied: "3º a pari merito su 5", tiedNoTotal: "3º a pari merito", you: "Sei 3º a pari merito su 5 con 25 punti", youOne: "Sei 3º a pari merito su 5 con 1 punto" },
    de: { lone: "3. von 5", tied: "Geteilter 3.\u00a0Platz von 5", tiedNoTotal: "Geteilter 3.\u00a0Platz", you: "Geteilter 3.\u00a0Platz von 5 · 25 Punkte", youOne: "Geteilter 3.\u00a0Platz von 5 · 1 Punkt" },
  };
  try {
    for (const [lang, e] of Object.entries(expect) as [Lang, (typeof expect)[Lang]][]) {
      await setLanguage(lang, false);
      assert.equal(placeText(3, 5), e.lone, `${lang}: alone`);
      assert.equal(placeText(3, 5, true), e.tied, `${lang}: tied`);
      assert.equal(placeText(3, null, true), e.tiedNoTotal, `${lang}: tied, total unknown`);
      assert.equal(standingText(3, 5, true, 25), e.you, `${lang}: leaderboard line`);
      assert.equal(standingText(3, 5, true, 1), e.youOne, `${lang}: one point`);
      assert.equal(standingText(3, 5, false, 25).includes(e.lone), true, `${lang}: a lone rank keeps the plain line`);
    }
  } finally {
    await setLanguage("en", false);
  }
  assert.equal(standingText(3, null, true, 25), "You are 3rd with 25 points", "no total: no capitalised Tied mid-sentence");
});

test("the phone's tie is the server's flag, whatever lines it received", () => {
  const board = (me: { pseudonym: string; score: number; rank: number; tied?: boolean }) =>
    applyPlayer(
      { ...EMPTY_GAME, pseudonym: me.pseudonym },
      { type: "game:final_leaderboard", rankings: [{ pseudonym: "A", score: 90, rank: 1 }], me, rankedCount: 5 },
      { deadline: clock, pending: null },
    );
  // 3rd, tied with a 4th the podium does not show: no other 3rd among the received lines.
  const third = board({ pseudonym: "P-3", score: 25, rank: 3, tied: true });
  assert.equal(myRank(third), 3);
  assert.equal(myTied(third), true);
  // Alone at 5th.
  assert.equal(myTied(board({ pseudonym: "P-5", score: 0, rank: 5 })), false);
});
