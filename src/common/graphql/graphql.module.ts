import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { formatGraphQLError } from '../errors/graphql-errors.js';
import { complexityLimitPlugin, depthLimitRule } from './limits.js';
import { auditReadsPlugin } from '../../audit/audit-reads.plugin.js';
import { AuditService } from '../../audit/audit.service.js';

export interface GraphQLRequestContext {
  req: Request;
  res: Response;
}

/** Code-first GraphQL on Apollo. The printed schema is committed as schema.gql (see `npm run schema:check`). */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, AuditService],
      useFactory: (config: AppConfig, audit: AuditService): ApolloDriverConfig => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        introspection: config.graphql.introspection,
        playground: false,
        plugins: [
          complexityLimitPlugin(config.graphql.maxComplexity),
          auditReadsPlugin(audit),
          // No type or field declares @cacheControl; the default cache-control plugin would still
          // wrap every field resolver to collect hints (3 % of myShifts' CPU, more on long lists).
          ApolloServerPluginCacheControlDisabled(),
          ...(config.isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
        ],
        validationRules: [depthLimitRule(config.graphql.maxDepth)],
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphQLError,
        context: ({ req, res }: GraphQLRequestContext): GraphQLRequestContext => ({ req, res }),
      }),
    }),
  ],
})
export class ApiGraphQLModule {}
