// Sets <html lang> and the tab title in the reader's language before the page's module loads
// (sa:lang as src/i18n/core.ts keeps it, else navigator.languages); see docs/frontend.md.
(function () {
  var T = {
    play: ["Play", "Jouer", "Jugar", "Gioca", "Mitspielen"],
    host: ["Host a tasting", "Organiser une dégustation", "Organizar una cata", "Organizza una degustazione", "Verkostung leiten"],
    screen: ["Projector view", "Vue projecteur", "Vista de proyector", "Vista proiettore", "Beamer-Ansicht"],
    admin: ["Wine answers", "Réponses de dégustation", "Respuestas de vinos", "Risposte sui vini", "Weinantworten"],
  };
  var L = ["en", "fr", "es", "it", "de"];
  var i = -1;
  try {
    i = L.indexOf(localStorage.getItem("sa:lang"));
  } catch (e) {}
  var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (var k = 0; i < 0 && k < prefs.length; k++) i = L.indexOf(String(prefs[k] || "").toLowerCase().split(/[-_]/)[0]);
  if (i < 0) i = 0;
  document.documentElement.lang = L[i];
  var s = document.currentScript;
  var page = T[s && s.getAttribute("data-page")];
  document.title = page ? page[i] + " · Sommelier Arena" : "Sommelier Arena";
})();
