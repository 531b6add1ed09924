import { Alert, App, Button, Checkbox, Flex } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { useErrorText } from "../../api/errorText";
import { useSaveDisclosure } from "../../api/wuding";
import type { Disclosure, Wuding } from "../../api/wudingTypes";

const FIELDS = ["headName", "headPhone", "memberNames", "memberPhones", "duties", "tasks", "rules"] as const;

/** 公开公示: which fields of the grid's 五定 the public sees; saved with the version the editor saw. */
export function DisclosureTab({ wuding }: { wuding: Wuding }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const save = useSaveDisclosure(wuding.grid.id);
  const [flags, setFlags] = useState<Disclosure>(wuding.disclosure);
  const manage = wuding.policies.manageDisclosure;
  // A newer version from the server (after a save or a conflict) replaces the local edit.
  const [seenVersion, setSeenVersion] = useState(wuding.disclosure.version);
  if (seenVersion !== wuding.disclosure.version) {
    setSeenVersion(wuding.disclosure.version);
    setFlags(wuding.disclosure);
  }

  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t("wuding.disclosureHint")} />
      <Flex vertical gap={8}>
        {FIELDS.map((field) => (
          <Checkbox
            key={field}
            checked={flags[field]}
            disabled={!manage}
            onChange={(event) => setFlags((f) => ({ ...f, [field]: event.target.checked }))}
          >
            {t(`wuding.disclosureFields.${field}`)}
          </Checkbox>
        ))}
      </Flex>
      {manage && (
        <div>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() =>
              save.mutate(flags, {
                onSuccess: () => void message.success(t("wuding.saved")),
                onError: (error) => {
                  void message.error(errorText(error));
                  if (error instanceof ApiError && error.status === 409) setFlags(wuding.disclosure);
                },
              })
            }
          >
            {t("wuding.save")}
          </Button>
        </div>
      )}
    </Flex>
  );
}
