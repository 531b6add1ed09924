import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Input, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UserRow } from "../../api/types";
import { useUsers } from "../../api/users";
import { ListTable } from "../../components/ListTable";
import { useMe } from "../../components/MeContext";
import { QueryError } from "../../components/QueryError";
import { CreateUserModal } from "./CreateUserModal";
import { RoleTags } from "./RoleTags";
import { UserStatusTag } from "./UserStatusTag";
import { UserToggleButton } from "./UserToggleButton";

export function UsersScene() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useState({ page: 1, pageSize: 20, q: "" });
  const [creating, setCreating] = useState(false);
  const users = useUsers(params);

  const columns: TableColumnsType<UserRow> = [
    { key: "username", title: t("users.username"), dataIndex: "username" },
    { key: "displayName", title: t("users.displayName"), dataIndex: "displayName" },
    { key: "phone", title: t("users.phone"), dataIndex: "phone", responsive: ["md"] },
    { key: "roles", title: t("users.roles"), render: (_, user) => <RoleTags roles={user.roles} /> },
    { key: "status", title: t("users.status"), render: (_, user) => <UserStatusTag user={user} /> },
    {
      key: "actions",
      title: t("users.actions"),
      // Nobody may lock themselves out from this screen.
      render: (_, user) => user.id !== me.user.id && <UserToggleButton user={user} />,
    },
  ];

  return (
    <Card>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t("users.searchPlaceholder")}
          style={{ maxWidth: 320 }}
          onSearch={(q) => setParams((p) => ({ ...p, page: 1, q: q.trim() }))}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t("users.create")}
        </Button>
      </Flex>
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      <ListTable<UserRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        scroll={{ x: "max-content" }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { total }),
        }}
        onChange={(pagination) =>
          setParams((p) => ({
            ...p,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? p.pageSize,
          }))
        }
      />
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
