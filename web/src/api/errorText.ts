import { useTranslation } from "react-i18next";
import { ApiError, NetworkError } from "./client";
import type { ApiErrorBody } from "./types";

/**
 * The sentence for an API error body in `language`. The server words its errors in Chinese and English only;
 * any other language gets the translation of the error's code where its bundle has one (`errors.api.<code>`,
 * looked up by `translated`), else the Chinese message.
 */
export function apiErrorText(
  body: ApiErrorBody,
  language: string,
  translated: (code: string) => string | undefined,
  unknown: string,
): string {
  if (language === "en" && body.messageEn) return body.messageEn;
  if (language !== "en" && language !== "zh-CN") {
    const text = translated(body.error);
    if (text) return text;
  }
  return body.message || unknown;
}

/** Turns any thrown error into the sentence to show the user, in the UI language where the server offers it. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      const language = i18n.language;
      return apiErrorText(
        error.body,
        language,
        (code) => {
          // the language's own bundle only: falling back to Chinese here would hide the server's fuller message
          const text: unknown = i18n.getResource(language, "translation", `errors.api.${code}`);
          return typeof text === "string" ? text : undefined;
        },
        t("errors.unknown"),
      );
    }
    if (error instanceof NetworkError) return t("errors.network");
    return t("errors.unknown");
  };
}
