import type { Command } from './main.ts';
import { loadConfig } from '../platform/config.ts';
import { startPlatform } from '../platform/platform.ts';
import { computeSnapshot } from '../atlas/atlas-store.ts';

/** Recomputes every derived figure from the stored counts and reports how long it took. */
export const recomputeCommand: Command = async (_args, io) => {
  const platform = await startPlatform(loadConfig(), (m) => io.stderr.write(`kansrijk: ${m}\n`));
  try {
    const snapshot = await computeSnapshot(platform.db);
    let cells = 0;
    for (const list of snapshot.atlas.series.values()) cells += list.length * snapshot.areas.length;
    io.stdout.write(`recomputed ${cells.toLocaleString('en')} area × indicator × period cells in ${snapshot.computeMs.toFixed(0)} ms (counts version ${snapshot.version})\n`);
    return 0;
  } finally {
    await platform.close();
  }
};
