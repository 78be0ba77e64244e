// `npm run bench`: every benchmark of the product, one after another. Targets live here, never
// in timed tests; each prints its figures and whether they meet the target.
import { benchCliStart, printCliStartResult } from './cli-start';
import { benchMapper, printMapperResult } from './mapper';
import { benchGrid, printGridResult } from './grid';
import { benchGridServe } from './grid-serve';
import { benchSync, printSyncResult } from './sync';
import { benchApps, printAppsResult } from './apps';
import { benchChanges, printChangesResult } from './changes';

const MAPPER_TARGET_PER_SECOND = 50_000;

printCliStartResult(benchCliStart());

const mapper = benchMapper(100_000);
console.log(`mapper (100,000 generated agents)`);
printMapperResult(mapper);
console.log(
  `  target ≥ ${MAPPER_TARGET_PER_SECOND.toLocaleString('en')} agents/s: ${
    mapper.ocsfPerSecond >= MAPPER_TARGET_PER_SECOND ? 'met' : 'MISSED'
  }`,
);

printSyncResult(await benchSync(100_000));

printGridResult(await benchGrid(100_000));

// Issue 29's million: serve's grid over a synced database, from nothing kept, then kept.
await benchGridServe(1_000_000);

printChangesResult(await benchChanges(100_000));

printAppsResult(await benchApps());
