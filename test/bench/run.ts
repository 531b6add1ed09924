import { intakeBench } from "./intake.bench.ts";
import { memoryBench } from "./memory.bench.ts";
import { routingBench } from "./routing.bench.ts";
import { trackIngestBench } from "./track-ingest.bench.ts";
import { webWeightBench } from "./web-weight.bench.ts";

/**
 * `npm run bench [-- --quick]`: every benchmark prints one JSON line per figure, each against a baseline
 * measured in the same run (these machines are noisy: read the ratios). --quick shrinks the data so CI can
 * check that the benchmarks still run; its figures are not meaningful.
 */
const quick = process.argv.includes("--quick");

async function main(): Promise<void> {
  webWeightBench();
  await routingBench(quick);
  await intakeBench(quick);
  await trackIngestBench(quick);
  await memoryBench(quick);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
