import type { Command } from './main.ts';
import { loadConfig } from '../platform/config.ts';
import { startPlatform } from '../platform/platform.ts';
import { buildServer } from '../http/server.ts';
import { buildWeb, webBuildIsStale } from '../http/web.ts';

export const serveCommand: Command = async (_args, io) => {
  const config = loadConfig();
  const started = performance.now();
  if (webBuildIsStale()) {
    io.stderr.write('kansrijk: building the web app…\n');
    await buildWeb();
  }
  const platform = await startPlatform(config, (message) => io.stderr.write(`kansrijk: ${message}\n`));
  const snapshot = await platform.atlas.current();
  io.stderr.write(`kansrijk: atlas figures computed in ${snapshot.computeMs.toFixed(0)} ms\n`);
  const app = await buildServer(platform, { logger: process.env.KANSRIJK_LOG_REQUESTS === '1' });
  await app.listen({ host: config.host, port: config.port });
  io.stderr.write(`kansrijk: ready in ${((performance.now() - started) / 1000).toFixed(1)} s on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}\n`);
  const stop = async () => {
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => {}); // runs until stopped
  return 0;
};
