import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { login, useSession } from "../../api/auth";
import { ApiError } from "../../api/client";
import { useErrorText } from "../../api/errorText";
import { LanguageLinks } from "../../components/LanguageLinks";
import { formatTime } from "../../time/formatTime";
import "./login.css";

/** A 423 answer carries the unlock time in its details; the Chinese message already names it. */
function lockedUntilOf(error: ApiError): string | undefined {
  const details = error.body.details as { lockedUntil?: unknown } | undefined;
  return typeof details?.lockedUntil === "string" ? details.lockedUntil : undefined;
}

/**
 * Where to go once signed in: the page the session expired on (or a link opened while signed out), as
 * RequireAuth left it in the navigation state; only a path of this app, never another site.
 */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" &&
    from.startsWith("/") &&
    !from.startsWith("//") &&
    !from.startsWith("/login")
    ? from
    : "/";
}

interface Credentials {
  username: string;
  password: string;
}

export function LoginScene() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const location = useLocation();
  const submit = useMutation({
    mutationFn: ({ username, password }: Credentials) => login(username, password),
  });

  if (session.data?.status === "signedIn") return <Navigate to={returnPath(location.state)} replace />;

  const expired =
    session.data?.status === "signedOut" && session.data.reason === "expired" && !submit.isError;
  const lockedUntil = submit.error instanceof ApiError ? lockedUntilOf(submit.error) : undefined;

  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageLinks />
      </div>
      <Card className="login-card">
        <header className="login-header">
          <h1 className="login-title">{t("app.title")}</h1>
          <p className="login-subtitle">{t("app.subtitle")}</p>
        </header>
        {expired && (
          <Alert className="login-alert" type="warning" showIcon title={t("login.sessionExpired")} />
        )}
        {submit.isError && (
          <Alert
            className="login-alert"
            type="error"
            showIcon
            title={errorText(submit.error)}
            description={
              lockedUntil &&
              i18n.language !== "zh-CN" &&
              t("login.unlocksAt", { time: formatTime(lockedUntil) })
            }
          />
        )}
        <Form<Credentials>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => submit.mutate(values)}
        >
          <Form.Item
            label={t("login.username")}
            name="username"
            rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
          >
            <Input name="username" autoComplete="username" prefix={<UserOutlined />} size="large" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("login.password")}
            name="password"
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              name="password"
              autoComplete="current-password"
              prefix={<LockOutlined />}
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending}>
            {t("login.submit")}
          </Button>
        </Form>
        <p className="login-track">
          <Link to="/track">{t("login.trackLink")}</Link>
        </p>
      </Card>
    </main>
  );
}
