import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { defaultLanguage, directionOf, isLanguage, type Language } from "./languages";
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
  // Chinese (default and fallback) is bundled; English and Uyghur are fetched when chosen (loadLanguage), so a
  // first visit does not download every language (the phone's /field budget, docs/patrol.md).
  resources: { "zh-CN": { translation: zhCN } },
  partialBundledLanguages: true,
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

const bundles: Record<Exclude<Language, "zh-CN">, () => Promise<object>> = {
  en: () => import("./en").then((m) => m.en),
  ug: () => import("./ug").then((m) => m.ug),
};

/** Fetches a language's strings once; the default language is always there. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === "zh-CN" || i18n.hasResourceBundle(language, "translation")) return;
  i18n.addResourceBundle(language, "translation", await bundles[language]());
}

/** Switches the interface language, fetching its strings first. */
export async function switchLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

/** Resolves when the stored language's strings are in (the app renders after it, so no Chinese flashes by). */
export const i18nReady: Promise<void> = (async () => {
  const language = storedLanguage();
  if (language === defaultLanguage) return;
  try {
    await switchLanguage(language);
  } catch {
    // offline and not cached: Chinese stands in until the strings can be fetched
  }
})();

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}
