import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Flex, Popconfirm, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../api/errorText";
import { useRemovePersonnel } from "../../api/wuding";
import type { Personnel, Wuding } from "../../api/wudingTypes";
import { ListTable } from "../../components/ListTable";
import { PersonnelModal } from "./PersonnelModal";

export function PersonnelTab({ wuding }: { wuding: Wuding }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const remove = useRemovePersonnel();
  const [editing, setEditing] = useState<Personnel | "new" | null>(null);
  const manage = wuding.policies.managePersonnel;

  const columns: TableColumnsType<Personnel> = [
    {
      key: "role",
      title: t("wuding.person.role"),
      render: (_, p) => (
        <Tag color={p.dutyRole === "head" ? "green" : undefined} variant="outlined">
          {t(`wuding.dutyRoles.${p.dutyRole}`)}
        </Tag>
      ),
    },
    { key: "name", title: t("wuding.person.name"), dataIndex: "displayName" },
    { key: "phone", title: t("wuding.person.phone"), render: (_, p) => p.phone ?? "—" },
    {
      key: "term",
      title: t("wuding.person.term"),
      render: (_, p) => (
        <>
          {p.startsOn} ~ {p.endsOn ?? t("wuding.person.open")}{" "}
          {!p.inForce && <Tag color="orange">{t("wuding.person.notInForce")}</Tag>}
        </>
      ),
    },
  ];
  if (manage) {
    columns.push({
      key: "actions",
      title: t("wuding.line.actions"),
      render: (_, p) => (
        <Flex gap={4}>
          <Button type="link" size="small" onClick={() => setEditing(p)}>
            {t("wuding.line.edit")}
          </Button>
          <Popconfirm
            title={t("wuding.person.confirmRemove", { name: p.displayName })}
            okText={t("common.ok")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutateAsync({ id: p.id, version: p.version }).then(
                () => void message.success(t("wuding.person.removed")),
                (error: unknown) => void message.error(errorText(error)),
              )
            }
          >
            <Button type="link" size="small" danger>
              {t("wuding.person.remove")}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    });
  }

  return (
    <>
      {manage && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("wuding.person.add")}
          </Button>
        </Flex>
      )}
      <ListTable<Personnel>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={wuding.personnel}
        pagination={false}
        locale={{ emptyText: t("wuding.empty") }}
      />
      {editing !== null && (
        <PersonnelModal
          gridId={wuding.grid.id}
          assignment={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
