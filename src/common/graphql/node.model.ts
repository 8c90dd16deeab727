import { Field, ID, InterfaceType } from '@nestjs/graphql';

/** Relay's Node: every object with a globally unique id (a UUID) can be fetched with node(id). */
@InterfaceType('Node', {
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

/** Marks a plain object with its GraphQL type, so node(id) can tell which type it returned. */
export function asNode<T extends object>(typename: string, value: T): T & { __typename: string } {
  return Object.assign(value, { __typename: typename });
}
