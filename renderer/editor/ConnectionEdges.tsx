import { memo } from 'react';
import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import type { ConnectionFlowEdge } from './flow-nodes';

/** Process line: thick, solid, orthogonal, with an arrow in the direction of flow. */
export const ProcessEdge = memo(function ProcessEdge(props: EdgeProps<ConnectionFlowEdge>) {
  const [path] = getSmoothStepPath({ ...props, borderRadius: 0, offset: 16 });
  return <BaseEdge id={props.id} path={path} markerEnd="url(#twin-flow-arrow)" className={`edge-process${props.selected ? ' edge--selected' : ''}`} interactionWidth={14} />;
});

/** Signal line: thin and dashed (ISA-5.1 electrical signal). */
export const SignalEdge = memo(function SignalEdge(props: EdgeProps<ConnectionFlowEdge>) {
  const [path] = getSmoothStepPath({ ...props, borderRadius: 0, offset: 12 });
  return <BaseEdge id={props.id} path={path} className={`edge-signal${props.selected ? ' edge--selected' : ''}`} interactionWidth={12} />;
});

/** The arrowhead shared by all process lines (one <marker>, not one per edge). */
export function EdgeMarkers() {
  return (
    <svg className="edge-markers" aria-hidden="true" width="0" height="0">
      <defs>
        <marker id="twin-flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="userSpaceOnUse">
          <path d="M0,0 L10,5 L0,10 z" className="edge-arrow" />
        </marker>
      </defs>
    </svg>
  );
}
