// Writes the demo project and the ground truth of its simulated faults from code, so both stay in step
// with the simulator. Run after changing shared/sim: `npx jiti scripts/make-demo-project.ts`.
// Tests in shared/sim fail when the committed files differ from what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDemoProject } from '../shared/sim/demo-plant/build-demo-project';
import { demoGroundTruth } from '../shared/sim/ground-truth';

const out = (name: string): string => fileURLToPath(new URL(`../assets/demo/${name}`, import.meta.url));

for (const [name, content] of [
  ['b7-chilled-water.twin.json', buildDemoProject()],
  ['b7-faults.json', demoGroundTruth()],
] as const) {
  writeFileSync(out(name), `${JSON.stringify(content, null, 2)}\n`);
  console.log(`wrote assets/demo/${name}`);
}
