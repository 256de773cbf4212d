import { memo, useMemo, type CSSProperties } from 'react';
import { ViewportPortal, useStore as useFlowStore } from '@xyflow/react';
import { componentByKind } from '../../../shared/catalog/catalog';
import { placedSize } from '../../../shared/catalog/port-geometry';
import type { Asset, Sensor } from '../../../shared/twin/schema';
import { useDocument } from '../../stores/document-store';
import { EquipmentBadge } from './EquipmentBadge';
import { planOf } from './plan-cache';
import { useReadings } from './readings-store';
import { ValueRow } from './ValueRow';
import './value-layer.css';

interface Card {
  anchorId: string;
  x: number;
  y: number;
  rows: { sensor: Sensor; redundant: number }[];
}

function sizeOf(asset: Asset): { width: number; height: number } {
  const def = componentByKind(asset.kind);
  return def ? placedSize(def, asset.rotation) : { width: 60, height: 60 };
}

/** The values drawn beside one asset, stacked; positioned in flow coordinates, sized in screen pixels. */
const ValueCard = memo(function ValueCard({ card }: { card: Card }) {
  const showRole = card.rows.length > 1;
  return (
    <div className="value-card" style={{ '--x': `${card.x}px`, '--y': `${card.y}px` } as CSSProperties}>
      {card.rows.map((r) => (
        <ValueRow key={r.sensor.id} sensor={r.sensor} showRole={showRole} redundant={r.redundant} />
      ))}
    </div>
  );
});

const Badge = memo(function Badge({ asset }: { asset: Asset }) {
  const { width } = sizeOf(asset);
  return (
    <div className="equipment-anchor" style={{ '--x': `${asset.position.x + width / 2}px`, '--y': `${asset.position.y - 4}px` } as CSSProperties}>
      <EquipmentBadge assetId={asset.id} tag={asset.tag} />
    </div>
  );
});

/**
 * The plant's state at the time cursor, drawn in one layer over the canvas (as the connection layer draws
 * every line): a card of values beside each instrument or asset with bound sensors, and running/stopped or
 * valve position above equipment. Labels stay the same size on screen at any zoom; each label re-renders
 * only when its own reading changes, and this layer only when the drawing or the zoom does.
 */
export const ValueLayer = memo(function ValueLayer() {
  const twin = useDocument((s) => s.twin);
  const zoom = useFlowStore((s) => s.transform[2]);
  const settled = useReadings((s) => s.settled);
  const plan = planOf(twin);
  const assets = twin.assets;
  const sensors = twin.sensors;
  const cards = useMemo(() => {
    const byAnchor = new Map<string, Card>();
    for (const p of plan.placements) {
      const asset = assets[p.anchorId];
      const sensor = sensors[p.sensorId];
      if (!asset || !sensor) continue;
      let card = byAnchor.get(asset.id);
      if (!card) {
        const { width, height } = sizeOf(asset);
        card = { anchorId: asset.id, x: asset.position.x + width + 6, y: asset.position.y + height / 2, rows: [] };
        byAnchor.set(asset.id, card);
      }
      card.rows.push({ sensor, redundant: p.redundant.length });
    }
    return [...byAnchor.values()];
  }, [plan, assets, sensors]);
  const badges = useMemo(() => plan.states.map((s) => assets[s.assetId]).filter((a): a is Asset => !!a), [plan, assets]);
  if (cards.length === 0 && badges.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="value-layer" style={{ '--inv-zoom': String(1 / zoom) } as CSSProperties} data-values={settled ? 'exact' : 'approximate'}>
        {badges.map((a) => (
          <Badge key={a.id} asset={a} />
        ))}
        {cards.map((c) => (
          <ValueCard key={c.anchorId} card={c} />
        ))}
      </div>
    </ViewportPortal>
  );
});
