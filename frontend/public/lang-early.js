// Runs in <head> before anything renders (a classic script from this origin: the CSP forbids
// inline ones): sets <html lang> and the tab title in the reader's language, the remembered
// choice (`sa:lang`, as src/i18n/core.ts keeps it) else the browser's languages, so neither
// is English until the page's module has loaded. The page is named by `data-page`; once the
// page renders, its screen heading gives the title (src/lib/a11y.ts). Titles never name an
// answer (no spoilers in a tab or a shared screen).
(function () {
  var TITLES = {
    index: { en: "", fr: "", es: "", it: "", de: "" },
    play: { en: "Play", fr: "Jouer", es: "Jugar", it: "Gioca", de: "Mitspielen" },
    host: { en: "Host a tasting", fr: "Organiser une dégustation", es: "Organizar una cata", it: "Organizza una degustazione", de: "Verkostung leiten" },
    screen: { en: "Projector view", fr: "Vue projecteur", es: "Vista de proyector", it: "Vista proiettore", de: "Beamer-Ansicht" },
    admin: { en: "Wine answers", fr: "Réponses de dégustation", es: "Respuestas de vinos", it: "Risposte sui vini", de: "Weinantworten" },
  };
  var LANGS = ["en", "fr", "es", "it", "de"];
  function pick() {
    try {
      var stored = localStorage.getItem("sa:lang");
      if (LANGS.indexOf(stored) >= 0) return stored;
    } catch (e) {
      // storage blocked: the browser's languages decide
    }
    var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < prefs.length; i++) {
      var primary = String(prefs[i] || "").toLowerCase().split(/[-_]/)[0];
      if (LANGS.indexOf(primary) >= 0) return primary;
    }
    return "en";
  }
  var lang = pick();
  document.documentElement.lang = lang;
  var script = document.currentScript;
  var page = TITLES[(script && script.getAttribute("data-page")) || ""];
  if (page && page[lang] !== undefined) document.title = page[lang] ? page[lang] + " · Sommelier Arena" : "Sommelier Arena";
})();
