import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Checkbox, Flex } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useGridWuding } from "../../api/wuding";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { gridName } from "../../grids/gridName";
import { useGridNames } from "../../grids/useGridNames";
import { categoryLabel } from "../../i18n/domain-labels";
import { levelLabel } from "../../i18n/labels";
import { formatTime } from "../../time/formatTime";
import { frequencyText, patrolTarget, pointsText } from "./wudingLabels";
import "../../print.css";
import "./wuding.css";

/**
 * The printable 五定 card (公示牌) of one grid. By default it shows what the grid discloses to the public;
 * staff can include the rest for an internal copy.
 */
export function WudingCardScene() {
  const { t, i18n } = useTranslation();
  const gridNames = useGridNames();
  const departmentNames = useDepartmentNames();
  const navigate = useNavigate();
  const gridId = Number(useParams().id) || null;
  const wuding = useGridWuding(gridId);
  const [internal, setInternal] = useState(false);
  if (wuding.isError) return <QueryError error={wuding.error} onRetry={() => void wuding.refetch()} />;
  if (wuding.isPending) return <PageLoading />;
  const { grid, personnel, duties, tasks, rules, disclosure } = wuding.data;
  const shown = (field: keyof typeof disclosure) => internal || disclosure[field] === true;
  const hidden = <span className="wuding-card-muted">{t("wuding.card.notDisclosed")}</span>;
  const people = personnel.filter((p) => p.inForce);
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const name = gridName(grid, i18n.language);

  return (
    <>
      <Flex gap={8} wrap align="center" className="no-print" style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t("wuding.card.back")}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("wuding.print")}
        </Button>
        <Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)}>
          {t("wuding.card.internal")}
        </Checkbox>
      </Flex>
      <article className="wuding-card-sheet print-sheet">
        <h1>{t("wuding.card.title", { name })}</h1>

        <h2>{t("wuding.sections.area")}</h2>
        <table>
          <tbody>
            <tr>
              <th>{t("grid.name")}</th>
              <td>{name}</td>
              <th>{t("wuding.card.code")}</th>
              <td>{grid.code}</td>
            </tr>
            <tr>
              <th>{t("wuding.card.level")}</th>
              <td>{levelLabel(t, grid.level)}</td>
              <th>{t("wuding.card.parent")}</th>
              <td>{grid.parentName ? gridNames.name(grid.parentId, grid.parentName) : "—"}</td>
            </tr>
            <tr>
              <th>{t("wuding.card.areaKm2")}</th>
              <td colSpan={3}>{grid.areaKm2 === null ? "—" : numbers.format(grid.areaKm2)}</td>
            </tr>
          </tbody>
        </table>

        <h2>{t("wuding.sections.personnel")}</h2>
        <table>
          <thead>
            <tr>
              <th>{t("wuding.person.role")}</th>
              <th>{t("wuding.person.name")}</th>
              <th>{t("wuding.person.phone")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const head = p.dutyRole === "head";
              return (
                <tr key={p.id}>
                  <td>{t(`wuding.dutyRoles.${p.dutyRole}`)}</td>
                  <td>{shown(head ? "headName" : "memberNames") ? p.displayName : hidden}</td>
                  <td>{shown(head ? "headPhone" : "memberPhones") ? (p.phone ?? "—") : hidden}</td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <h2>{t("wuding.sections.duties")}</h2>
        {shown("duties") ? (
          <ol>
            {duties.map((d) => (
              <li key={d.id}>
                {d.matterCategory && `【${categoryLabel(t, d.matterCategory, d.matterCategoryName)}】`}
                {d.dutyText}
                {d.departmentName &&
                  `（${departmentNames.name(d.departmentId, d.departmentName)}${t(`wuding.duty.${d.responsibility}`)}）`}
              </li>
            ))}
          </ol>
        ) : (
          hidden
        )}

        <h2>{t("wuding.sections.tasks")}</h2>
        {shown("tasks") ? (
          <table>
            <thead>
              <tr>
                <th>{t("wuding.task.objectType")}</th>
                <th>{t("wuding.task.frequency")}</th>
                <th>{t("wuding.task.description")}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((r) => (
                <tr key={r.id}>
                  <td>{patrolTarget(t, r)}</td>
                  <td>{frequencyText(t, r)}</td>
                  <td>{r.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          hidden
        )}

        <h2>{t("wuding.sections.rules")}</h2>
        {shown("rules") ? (
          <table>
            <thead>
              <tr>
                <th>{t("wuding.rule.kind")}</th>
                <th>{t("wuding.rule.text")}</th>
                <th>{t("wuding.rule.points")}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <td>{r.veto ? t("wuding.rule.veto") : t(`wuding.rule.${r.kind}`)}</td>
                  <td>{r.ruleText}</td>
                  <td>{pointsText(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          hidden
        )}
        <p className="wuding-card-muted" style={{ marginTop: 24, textAlign: "end" }}>
          {t("wuding.card.printedAt", { time: formatTime(new Date().toISOString()) })}
        </p>
      </article>
    </>
  );
}
