// The texts of the host, projector and admin pages, added to the catalog when one of those
// pages loads (imported by their entries), so /play never downloads them.
import { addTexts } from "./core";
import enStaff from "./en-staff";

addTexts({
  en: enStaff,
  load: {
    fr: () => import("./fr-staff"),
    es: () => import("./es-staff"),
    it: () => import("./it-staff"),
    de: () => import("./de-staff"),
  },
});
