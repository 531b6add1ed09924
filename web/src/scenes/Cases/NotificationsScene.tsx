import { Badge, Button, Card, Flex, List, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMarkRead, useNotifications } from "../../api/cases";
import { QueryError } from "../../components/QueryError";
import { useGridNames } from "../../grids/useGridNames";
import { notificationKindLabel } from "../../i18n/domain-labels";
import { notificationText } from "../../i18n/notification-text";
import { formatTime } from "../../time/formatTime";

export function NotificationsScene() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useState({ page: 1, pageSize: 20, unread: true });
  const list = useNotifications(params);
  const mark = useMarkRead();
  const grids = useGridNames();
  return (
    <Card>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }} wrap>
        <Flex gap={4} align="center">
          <Switch
            size="small"
            checked={params.unread}
            onChange={(unread) => setParams((p) => ({ ...p, page: 1, unread }))}
          />
          {t("cases.notifications.unreadOnly")}
        </Flex>
        <Typography.Text type="secondary">
          {t("cases.notifications.unread", { count: list.data?.unread ?? 0 })}
        </Typography.Text>
        <Button size="small" onClick={() => mark.mutate("all")} disabled={(list.data?.unread ?? 0) === 0}>
          {t("cases.notifications.markAllRead")}
        </Button>
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <List
        loading={list.isFetching}
        locale={{ emptyText: t("cases.notifications.empty") }}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page) => setParams((p) => ({ ...p, page })),
        }}
        renderItem={(n) => {
          const text = notificationText(t, n, grids.name);
          const title = <span className="notification-title">{text.title}</span>;
          return (
            <List.Item
              actions={
                n.readAt
                  ? []
                  : [
                      <Button key="read" size="small" type="link" onClick={() => mark.mutate(n.id)}>
                        {t("cases.notifications.markRead")}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Badge dot={!n.readAt}>
                    <Tag className="notification-kind" data-kind={n.kind}>
                      {notificationKindLabel(t, n.kind)}
                    </Tag>
                    {n.caseId ? (
                      <Typography.Link
                        onClick={() => {
                          if (!n.readAt) mark.mutate(n.id);
                          void navigate(`/cases/${n.caseId}`);
                        }}
                      >
                        {title}
                      </Typography.Link>
                    ) : (
                      title
                    )}
                  </Badge>
                }
                description={
                  <>
                    {formatTime(n.createdAt)}　<span className="notification-body">{text.body}</span>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
