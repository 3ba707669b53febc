// kansrijk import FILE: a long CSV (area_code,period,indicator,numerator,denominator) or a
// birth-level file, validated completely before anything is written; then written in one
// transaction that replaces the counts of the same area, period and indicator.

import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command, CommandIO } from './main.ts';
import { loadConfig } from '../platform/config.ts';
import { startPlatform } from '../platform/platform.ts';
import { importFile } from '../atlas/importer.ts';

const USAGE = `Usage: kansrijk import FILE [--source TEXT] [--dry-run]

Imports a long CSV (area_code,period,indicator,numerator,denominator; comma or semicolon)
or a birth-level CSV (one row per birth; aggregated on import). See docs/import.md.
A file with any error is rejected whole: nothing of it is written.

  --source TEXT   where the figures come from, shown with every figure (default: the file name)
  --dry-run       check the file and report what would be imported; write nothing
`;

export const importCommand: Command = async (args, io) => {
  let file: string | undefined;
  let source: string | undefined;
  let dryRun = false;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    if (arg === '--help' || arg === '-h') {
      io.stdout.write(USAGE);
      return 0;
    } else if (arg === '--source') {
      source = args[++k];
      if (!source) return usageError(io, '--source needs a text');
    } else if (arg === '--dry-run') dryRun = true;
    else if (arg.startsWith('-')) return usageError(io, `unknown option '${arg}'`);
    else if (file) return usageError(io, 'give one file');
    else file = arg;
  }
  if (!file) return usageError(io, 'no file given');
  if (!existsSync(file)) {
    io.stderr.write(`kansrijk import: file not found: ${file}\n`);
    return 1;
  }

  const platform = await startPlatform({ ...loadConfig(), demo: false });
  try {
    const progress = progressBar(io);
    const result = await importFile(platform.db, file, {
      source: source ?? basename(file),
      dryRun,
      fileSha256: await sha256(file),
      onProgress: progress.update,
    });
    progress.done();
    if (result.issues.length > 0) {
      for (const line of result.issues) io.stderr.write(`${file}: ${line}\n`);
      io.stderr.write(`kansrijk import: ${result.issues.length}${result.stoppedEarly ? '+' : ''} error(s); nothing was imported.\n`);
      return 1;
    }
    io.stderr.write(
      `kansrijk import: ${dryRun ? 'would import' : 'imported'} ${result.rows.toLocaleString('en')} counts (${result.kind} file, ${result.records.toLocaleString('en')} rows, ` +
        `${result.indicators.join(', ')}; periods ${result.periods.join(', ')}) in ${(result.seconds).toFixed(1)} s` +
        (result.replacedAtOtherLevels ? `; replaced ${result.replacedAtOtherLevels} counts at other levels` : '') + '\n',
    );
    return 0;
  } finally {
    await platform.close();
  }
};

function usageError(io: CommandIO, message: string): number {
  io.stderr.write(`kansrijk import: ${message}\n\n${USAGE}`);
  return 2;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A one-line progress display on stderr when it is a terminal, a few lines otherwise. */
function progressBar(io: CommandIO) {
  const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
  let lastPercent = -1;
  return {
    update(p: { bytesRead: number; totalBytes: number; linesRead: number }) {
      const percent = p.totalBytes > 0 ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 100;
      if (tty) {
        const width = 30;
        const filled = Math.round((width * percent) / 100);
        io.stderr.write(`\rreading [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${p.linesRead.toLocaleString('en')} lines`);
      } else if (percent >= lastPercent + 25) {
        io.stderr.write(`reading: ${percent}% (${p.linesRead.toLocaleString('en')} lines)\n`);
        lastPercent = percent;
      }
    },
    done() {
      if (tty) io.stderr.write('\n');
    },
  };
}
