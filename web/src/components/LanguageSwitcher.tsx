import { GlobalOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { currentLanguage, switchLanguage } from "../i18n";
import { isLanguage, languages } from "../i18n/languages";

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const current = languages.find((l) => l.code === currentLanguage());
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: current ? [current.code] : [],
        items: languages.map((l) => ({ key: l.code, label: <span lang={l.code}>{l.endonym}</span> })),
        onClick: ({ key }) => void (isLanguage(key) && switchLanguage(key)),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t("language.label")}
        className="language-switcher"
      >
        <span lang={current?.code} className="language-name">
          {current?.endonym}
        </span>
      </Button>
    </Dropdown>
  );
}
