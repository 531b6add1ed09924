import { Card, DatePicker, Drawer, Image, Slider, Space, Tabs, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ledgerQuery,
  type PatrolDetail,
  useActivity,
  useBlindSpots,
  useCoveragePlan,
  usePatrol,
  usePatrolLedger,
} from "../../api/patrolLedger";
import { ExportButton } from "../../components/ExportButton";
import { ListTable } from "../../components/ListTable";
import { useGridNames } from "../../grids/useGridNames";
import { formatTime } from "../../time/formatTime";
import { BlindSpotMap } from "./BlindSpotMap";

/** 巡查台账, 盲区 and activity for the grids in scope (docs/patrol.md); a patrol's track plays back in a drawer. */
export function PatrolLedgerScene() {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const [range, setRange] = useState<[string, string] | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const filter = { from: range?.[0], to: range?.[1], page, pageSize: 20 };
  const ledger = usePatrolLedger(filter);
  const activity = useActivity({ from: range?.[0], to: range?.[1] });
  const spots = useBlindSpots();
  const plan = useCoveragePlan();

  return (
    <Card
      title={t("patrol.ledger.title")}
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            onChange={(v) => {
              const a = v?.[0];
              const b = v?.[1];
              setRange(a && b ? [a.format("YYYY-MM-DD"), b.format("YYYY-MM-DD")] : null);
              setPage(1);
            }}
          />
          <ExportButton
            url={`/api/patrols/export.xlsx${ledgerQuery({ from: range?.[0], to: range?.[1] })}`}
            fallbackName="patrols.xlsx"
            className="patrol-ledger-export"
          >
            {t("patrol.ledger.export")}
          </ExportButton>
        </Space>
      }
    >
      <BlindSpotMap spots={spots.data?.items ?? []} plan={plan.data?.items ?? []} />
      <Tabs
        items={[
          {
            key: "ledger",
            label: t("patrol.ledger.tab"),
            children: (
              <ListTable
                className="patrol-ledger"
                rowKey="id"
                size="small"
                loading={ledger.isPending}
                dataSource={ledger.data?.items}
                pagination={{ current: page, pageSize: 20, total: ledger.data?.total, onChange: setPage }}
                onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: "pointer" } })}
                columns={[
                  {
                    title: t("patrol.ledger.grid"),
                    dataIndex: "gridName",
                    render: (v: string, r) => gridNames.name(r.gridId, v),
                  },
                  { title: t("patrol.ledger.member"), dataIndex: "memberName" },
                  {
                    title: t("patrol.ledger.started"),
                    dataIndex: "startedAt",
                    render: (v: string) => formatTime(v),
                  },
                  {
                    title: t("patrol.ledger.distance"),
                    dataIndex: "distanceM",
                    render: (v: number) => `${v} m`,
                  },
                  { title: t("patrol.ledger.checkins"), dataIndex: "checkins" },
                  {
                    title: t("patrol.ledger.objects"),
                    dataIndex: "objects",
                    ellipsis: true,
                    // a list of names, cut short anyway; a phone shows it in the playback drawer
                    responsive: ["md"],
                  },
                ]}
              />
            ),
          },
          {
            key: "blind",
            label: t("patrol.ledger.blindSpots", { count: spots.data?.items.length ?? 0 }),
            children: (
              <ListTable
                className="patrol-blind-spots"
                rowKey="objectId"
                size="small"
                loading={spots.isPending}
                dataSource={spots.data?.items}
                columns={[
                  { title: t("patrol.ledger.object"), dataIndex: "objectName" },
                  {
                    title: t("patrol.ledger.grid"),
                    dataIndex: "gridName",
                    render: (v: string, r) => gridNames.name(r.gridId, v),
                  },
                  {
                    title: t("patrol.ledger.state"),
                    render: (_: unknown, r) => (
                      <Tag color={r.overdue ? "red" : "orange"}>
                        {r.overdue ? t("patrol.overdue") : t("patrol.ledger.previousMissed")}
                      </Tag>
                    ),
                  },
                  {
                    title: t("patrol.ledger.lastVisit"),
                    dataIndex: "lastVisitAt",
                    render: (v: string | null) => formatTime(v),
                  },
                ]}
              />
            ),
          },
          {
            key: "activity",
            label: t("patrol.ledger.activity"),
            children: (
              <ListTable
                rowKey="memberId"
                size="small"
                loading={activity.isPending}
                dataSource={activity.data?.items}
                columns={[
                  { title: t("patrol.ledger.member"), dataIndex: "memberName" },
                  { title: t("patrol.ledger.days"), dataIndex: "daysActive" },
                  { title: t("patrol.ledger.patrols"), dataIndex: "patrols" },
                  {
                    title: t("patrol.ledger.distance"),
                    dataIndex: "distanceM",
                    render: (v: number) => `${(v / 1000).toFixed(1)} km`,
                  },
                  { title: t("patrol.ledger.checkins"), dataIndex: "checkins" },
                ]}
              />
            ),
          },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={520}
        title={t("patrol.ledger.playback")}
      >
        {open !== null && <Playback id={open} />}
      </Drawer>
    </Card>
  );
}

/** One patrol: its track, and its check-ins with their findings and photos (also when GPS gave no track). */
function Playback({ id }: { id: number }) {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const patrol = usePatrol(id);
  if (!patrol.data) return null;
  const p: PatrolDetail = patrol.data;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <div>
        {gridNames.name(p.gridId, p.gridName)} · {p.memberName} · {formatTime(p.startedAt)} · {p.distanceM} m
      </div>
      {p.track.length > 0 ? <TrackLine track={p.track} /> : <Tag>{t("patrol.ledger.noTrack")}</Tag>}
      {p.checkins.map((c) => (
        <Space key={c.id} align="start" className="patrol-checkin">
          <div>
            {formatTime(c.at)} · {c.objectName} · {c.distanceM} m
            {c.finding && <div className="patrol-checkin-finding">{c.finding}</div>}
          </div>
          {c.hasPhoto && (
            <Image
              width={96}
              src={`/api/patrols/${p.id}/checkins/${c.id}/photo`}
              alt={t("patrol.ledger.checkinPhoto", { object: c.objectName })}
            />
          )}
        </Space>
      ))}
    </Space>
  );
}

/** The track drawn as an SVG polyline (no map tiles needed); the slider moves along it in time. */
function TrackLine({ track: pts }: { track: PatrolDetail["track"] }) {
  const [at, setAt] = useState(0);
  const lons = pts.map((x) => x.lon);
  const lats = pts.map((x) => x.lat);
  const [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const span = Math.max(x1 - x0, y1 - y0, 1e-5);
  const xy = (x: { lon: number; lat: number }) =>
    `${(((x.lon - x0) / span) * 440 + 20).toFixed(1)},${(((y1 - x.lat) / span) * 440 + 20).toFixed(1)}`;
  const index = Math.min(at, pts.length - 1);
  const [cx, cy] = xy(pts[index]).split(",");
  return (
    <>
      <svg className="patrol-playback" viewBox="0 0 480 480" style={{ width: "100%", background: "#f6f8f7" }}>
        <title>track</title>
        <polyline points={pts.map(xy).join(" ")} fill="none" stroke="#1f6f4a" strokeWidth={2} />
        {pts
          .filter((x) => x.flags.length > 0)
          .map((x) => {
            const [fx, fy] = xy(x).split(",");
            return <circle key={x.t} cx={fx} cy={fy} r={4} fill="#d4380d" />;
          })}
        <circle cx={cx} cy={cy} r={7} fill="#1677ff" />
      </svg>
      <Slider
        min={0}
        max={pts.length - 1}
        value={index}
        onChange={setAt}
        tooltip={{ formatter: (v) => formatTime(pts[v ?? 0].t) }}
      />
    </>
  );
}
