import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../../core/errors.js';

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } });
}

/** Rejects operations nested deeper than `maxDepth` fields (fragments included), before anything runs. */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(
            deepest,
            selection.name.value.startsWith('__') ? 0 : 1 + depthOf(selection.selectionSet, seen),
          );
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else if (!seen.has(selection.name.value)) {
          const fragment = fragments.get(selection.name.value);
          deepest = Math.max(
            deepest,
            depthOf(fragment?.selectionSet, new Set([...seen, selection.name.value])),
          );
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth)
          context.reportError(
            tooComplex(
              `The operation is nested ${depth} levels deep; at most ${maxDepth} are allowed`,
            ),
          );
      },
    };
  };
}

/** A list asked for with `first: N` costs N times its items. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' && args.first > 0 ? 1 + args.first * childComplexity : undefined;

/** Keys of variable sets worth remembering a cost for: a few short scalars (not bulk inputs). */
function variablesKey(variables: Record<string, unknown>): string | undefined {
  const entries = Object.entries(variables);
  if (entries.length > 8) return undefined;
  for (const [, value] of entries)
    if (
      value !== null &&
      typeof value !== 'boolean' &&
      typeof value !== 'number' &&
      !(typeof value === 'string' && value.length <= 200)
    )
      return undefined;
  return JSON.stringify(entries);
}

const COSTS_PER_DOCUMENT = 64;

/**
 * Rejects operations whose estimated cost exceeds `maxComplexity`, before they run. The cost is a
 * function of the document, the operation name and the variables only, and Apollo hands the same
 * parsed document to every request with the same query text, so costs are remembered per document
 * (and per operation name and small set of scalar variables): estimating walked the whole
 * operation and coerced every argument, 9 % of myShifts' CPU.
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ request, document, schema }) => {
          const variables = request.variables ?? {};
          const vars = variablesKey(variables);
          const key = vars === undefined ? undefined : `${request.operationName ?? ''} ${vars}`;
          let costs = known.get(document);
          let complexity = key === undefined ? undefined : costs?.get(key);
          if (complexity === undefined) {
            try {
              complexity = getComplexity({
                schema,
                query: document,
                variables,
                ...(request.operationName ? { operationName: request.operationName } : {}),
                estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch {
              // Variables that do not fit their types: GraphQL's own coercion reports them precisely.
              return Promise.resolve();
            }
            if (key !== undefined) {
              if (!costs) known.set(document, (costs = new Map<string, number>()));
              if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
              costs.set(key, complexity);
            }
          }
          if (complexity > maxComplexity) {
            return Promise.reject(
              tooComplex(
                `The operation's estimated cost is ${complexity}; at most ${maxComplexity} is allowed (ask for smaller pages)`,
              ),
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
