/**
 * Imported first by load.bench.ts, before anything loads graphql-js (which reads NODE_ENV once, when
 * it is loaded): the service under load runs as deployed, in production mode, unless NODE_ENV says
 * otherwise.
 */
process.env.NODE_ENV ??= 'production';
