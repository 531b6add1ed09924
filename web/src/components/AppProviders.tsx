import { QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { queryClient } from "../api/queryClient";
import { antdUg } from "../i18n/antd-ug";
import { directionOf, isLanguage } from "../i18n/languages";

// antd derives near-grey tints from a dark primary; the selected-item backgrounds are set to a light green instead.
const theme = {
  token: {
    colorPrimary: "#1f6f4a",
    colorPrimaryBg: "#e3f1e8",
    colorPrimaryBgHover: "#cfe6d8",
    borderRadius: 6,
  },
};

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : "zh-CN";
  // antd has no Uyghur locale; ours (i18n/antd-ug.ts) words the texts the screens show.
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={language === "en" ? enUS : language === "ug" ? antdUg : zhCN}
        direction={directionOf(language)}
        theme={theme}
      >
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
