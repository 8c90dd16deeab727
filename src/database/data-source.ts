import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options.js';

/**
 * The data source for the TypeORM CLI (`npm run migration:*`). It needs a real server:
 * DATABASE_URL, or the URL that `npm start` printed for the embedded database.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error(
    'DATABASE_URL is not set: the migration commands need the database to work on (npm start prints the embedded one).',
  );
}
export default new DataSource(buildDataSourceOptions(url, 2));
