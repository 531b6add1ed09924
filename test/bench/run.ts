import { dataScaleBench } from "./data-scale.bench.ts";
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
// `--only data` (or routing, web, load) runs one group: the data-scale group alone takes minutes at full size.
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : null;
const wanted = (name: string) => only === null || only === name;

async function main(): Promise<void> {
  if (wanted("web")) webWeightBench();
  if (wanted("routing")) await routingBench(quick);
  if (wanted("data")) await dataScaleBench(quick);
  if (wanted("load")) {
    await intakeBench(quick);
    await trackIngestBench(quick);
    await memoryBench(quick);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
