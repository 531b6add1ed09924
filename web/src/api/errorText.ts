import { useTranslation } from "react-i18next";
import { ApiError, NetworkError } from "./client";

/** Turns any thrown error into the sentence to show the user, in the UI language where the server offers it. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      const { message, messageEn } = error.body;
      if (i18n.language === "en" && messageEn) return messageEn;
      return message || t("errors.unknown");
    }
    if (error instanceof NetworkError) return t("errors.network");
    return t("errors.unknown");
  };
}
