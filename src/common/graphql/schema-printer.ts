import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { FEATURE_MODULES } from '../../app.module.js';
import { PROJECT_ROOT } from '../../config/app-config.js';
import { collectResolvers } from './collect-resolvers.js';

export const SCHEMA_FILE = join(PROJECT_ROOT, 'schema.gql');
const SCHEMA_HEADER =
  '# Generated from the code-first GraphQL types by `npm run schema:generate`. Do not edit.\n\n';

/** The committed form of a schema: sorted, printed, with the header. */
export function schemaFileText(schema: GraphQLSchema): string {
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** Builds the schema from resolver metadata alone: no database, no HTTP. */
export async function buildSchemaFileText(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  try {
    return schemaFileText(
      await app.get(GraphQLSchemaFactory).create(collectResolvers(FEATURE_MODULES)),
    );
  } finally {
    await app.close();
  }
}
