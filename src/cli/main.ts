// The `kansrijk` command line: one verb per capability. Each verb lives in its own module
// and is loaded only when asked for, so `kansrijk stats …` starts without the database.

export interface CommandIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export type Command = (args: string[], io: CommandIO) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: { summary: 'start the web server and API (default http://localhost:3000)', load: async () => (await import('./serve-command.ts')).serveCommand },
  import: { summary: 'import a long CSV or a birth-level CSV into the atlas', load: async () => (await import('./import-command.ts')).importCommand },
  stats: { summary: 'statistics on CSV from stdin: proportion, rate, compare, trend, smooth', load: async () => (await import('./stats-command.ts')).statsCommand },
  recompute: { summary: 'recompute every derived atlas figure from the stored counts', load: async () => (await import('./recompute-command.ts')).recomputeCommand },
  bench: { summary: 'run the benchmark (recompute, import throughput, API throughput)', load: async () => (await import('../../bench/bench.ts')).benchCommand },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: kansrijk <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CommandIO = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr.write(`kansrijk: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  return command(rest, io);
}
