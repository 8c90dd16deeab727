import { ConfigurationError } from './config/environment.js';
import { loadAppConfig } from './config/app-config.js';
import { EmbeddedDatabaseError } from './database/embedded-postgres.js';
import { startService } from './bootstrap.js';

const EXAMPLE_QUERY = '{ serviceInfo { name version databaseTime } }';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const started = Date.now();
  const service = await startService(config, (message) => console.error(message));
  const graphqlUrl = `${service.url}/graphql`;
  console.error(
    [
      `Telepharmacy scheduler is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  GraphQL:  ${graphqlUrl}`,
      `  Database: ${service.embedded ? `embedded PostgreSQL (${config.database.embeddedDataDir}) at ${service.databaseUrl}` : 'DATABASE_URL'}`,
      `  Try:      curl -s ${graphqlUrl} -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`,
      `  Token:    npm run token -- --role MANAGER --subject me`,
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal} received: finishing in-flight requests, then stopping`);
    const force = setTimeout(() => {
      console.error(`Shutdown took longer than ${config.http.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.http.shutdownTimeoutMs);
    force.unref();
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError || error instanceof EmbeddedDatabaseError) {
    console.error(error.message);
  } else {
    console.error('The service could not start:', error);
  }
  process.exit(1);
});
