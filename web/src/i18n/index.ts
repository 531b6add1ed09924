import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { defaultLanguage, directionOf, isLanguage, type Language } from "./languages";
import { ug } from "./ug";
import { zhCN } from "./zh-CN";

const storageKey = "envgrid.language";

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    "zh-CN": { translation: zhCN },
    en: { translation: en },
    ug: { translation: ug },
  },
  lng: storedLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: ["zh-CN", "en", "ug"],
  interpolation: { escapeValue: false },
  initAsync: false,
});

applyToDocument(currentLanguage());
document.title = i18n.t("app.title");

i18n.on("languageChanged", (lng) => {
  const language = isLanguage(lng) ? lng : defaultLanguage;
  applyToDocument(language);
  document.title = i18n.t("app.title");
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing can refuse storage; the choice then lasts for this page only.
  }
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}
