import { useTranslation } from "react-i18next";
import { currentLanguage, switchLanguage } from "../i18n";
import { languages } from "../i18n/languages";
import "./language-links.css";

/**
 * The languages as a row of plain buttons, for the pages a visitor opens signed out (login, the public
 * tracking page): antd's Dropdown and Menu (LanguageSwitcher, in the desktop header) would add ~20 KiB gzip
 * to the first page every visitor loads.
 */
export function LanguageLinks() {
  const { t } = useTranslation();
  const current = currentLanguage();
  return (
    <nav className="language-links" aria-label={t("language.label")}>
      {languages.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          aria-pressed={l.code === current}
          onClick={() => void switchLanguage(l.code)}
        >
          {l.endonym}
        </button>
      ))}
    </nav>
  );
}
