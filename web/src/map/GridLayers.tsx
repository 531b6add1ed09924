import type { LeafletEventHandlerFnMap } from "leaflet";
import { useMemo } from "react";
import { Polygon, Tooltip } from "react-leaflet";
import type { GridShape } from "./gridShapes";
import { leafStyle, outlineStyle } from "./gridStyles";
import { useZoomAtLeast } from "./useZoomAtLeast";

/** From this zoom on, village names are always shown; below it they would pile up, so they appear on hover. */
const permanentLabelZoom = 10;

interface Props {
  shapes: readonly GridShape[];
  /** Display names by grid id, in the UI language; the feature's own (Chinese) name otherwise. */
  labels: ReadonlyMap<number, string>;
  onSelect: (id: number) => void;
}

export function GridLayers({ shapes, labels, onSelect }: Props) {
  const permanentLabels = useZoomAtLeast(permanentLabelZoom);

  // Styles depend only on the data, so selecting a grid never restyles all polygons.
  const styles = useMemo(() => {
    const parents = [...new Set(shapes.map((s) => s.parentId ?? 0))].sort((a, b) => a - b);
    return new Map(
      shapes.map((s) => [
        s.id,
        s.isLeaf ? leafStyle(parents.indexOf(s.parentId ?? 0)) : outlineStyle(s.level),
      ]),
    );
  }, [shapes]);

  const handlers = useMemo(
    () =>
      new Map<number, LeafletEventHandlerFnMap>(shapes.map((s) => [s.id, { click: () => onSelect(s.id) }])),
    [shapes, onSelect],
  );

  return shapes.map((shape) =>
    shape.isLeaf ? (
      <Polygon
        key={shape.id}
        positions={shape.latLngs}
        className={`grid-polygon grid-level-${shape.level}`}
        pathOptions={styles.get(shape.id)}
        eventHandlers={handlers.get(shape.id)}
      >
        {/* Leaflet reads `permanent` only when a tooltip is created, hence the key. */}
        <Tooltip
          key={permanentLabels ? "permanent" : "hover"}
          permanent={permanentLabels}
          direction="center"
          className="grid-label"
        >
          {labels.get(shape.id) ?? shape.name}
        </Tooltip>
      </Polygon>
    ) : (
      <Polygon
        key={shape.id}
        positions={shape.latLngs}
        className={`grid-outline grid-level-${shape.level}`}
        pathOptions={styles.get(shape.id)}
        interactive={false}
      />
    ),
  );
}
