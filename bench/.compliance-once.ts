import { measureCompliance, printCompliance } from '/work/wt-civil/bench/compliance.ts';
printCompliance(await measureCompliance());
process.exit(0);
