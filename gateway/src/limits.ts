import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parseConfig } from '@local-area-graph/subgraph-kit';

/**
 * Abuse limits the gateway applies to every operation before planning it, so that no
 * subgraph (and no agency's database) ever sees a query built to exhaust it (OWASP
 * GraphQL cheat sheet: depth, amount, cost, batching, introspection, suggestions).
 * All of them are here, with their reason; each can be changed by its variable.
 */
export interface AbuseLimits {
  /**
   * Deepest field nesting. The deepest real operation (a school's pupils with their
   * SEN status: school > pupils > edges > node > education > senStatus > provision)
   * is 7; circular traversals (child > school > pupils > child > school > ...) are
   * what go deeper.
   */
  maxDepth: number;
  /**
   * Aliased fields in one operation. Aliases let one request ask for the same field
   * many times (`a1: child(id: ...) a2: child(id: ...) ...`): a way round the cost of
   * one request and a tool for guessing ids. No real operation uses more than a few.
   */
  maxAliases: number;
  /**
   * Directives in one operation. `@include`/`@skip` are cheap alone; thousands of
   * them make validation itself the attack. Real operations use none or a few.
   */
  maxDirectives: number;
  /**
   * Lexical tokens in one document, counted while parsing, so an enormous document is
   * refused before it is parsed in full. The largest example is under 100 tokens and
   * the full introspection query under 200.
   */
  maxTokens: number;
  /**
   * Estimated cost of one operation (graphql-armor's cost: 1 per scalar, 2 per
   * object, x1.5 per level of nesting, times the page size of every paged field).
   * A page of 100 children with their locality, school, attendance and SEN status
   * costs about 7,500; a list nested in a list (every pupil of every child's school)
   * costs hundreds of thousands.
   */
  maxCost: number;
}

/** The limits when no variable overrides them. */
export const DEFAULT_ABUSE_LIMITS: Readonly<AbuseLimits> = Object.freeze({
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 10_000,
});

/** The variable that overrides each limit. */
export const ABUSE_LIMIT_VARIABLES = {
  maxDepth: 'GRAPHQL_MAX_DEPTH',
  maxAliases: 'GRAPHQL_MAX_ALIASES',
  maxDirectives: 'GRAPHQL_MAX_DIRECTIVES',
  maxTokens: 'GRAPHQL_MAX_TOKENS',
  maxCost: 'GRAPHQL_MAX_COST',
} as const satisfies Record<keyof AbuseLimits, string>;

const limitVariable = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

/** The limits' environment variables, checked like every other variable at start. */
export const abuseLimitsEnvironment = z.object({
  GRAPHQL_MAX_DEPTH: limitVariable(DEFAULT_ABUSE_LIMITS.maxDepth),
  GRAPHQL_MAX_ALIASES: limitVariable(DEFAULT_ABUSE_LIMITS.maxAliases),
  GRAPHQL_MAX_DIRECTIVES: limitVariable(DEFAULT_ABUSE_LIMITS.maxDirectives),
  GRAPHQL_MAX_TOKENS: limitVariable(DEFAULT_ABUSE_LIMITS.maxTokens),
  GRAPHQL_MAX_COST: limitVariable(DEFAULT_ABUSE_LIMITS.maxCost),
});

/** Reads the limits from environment variables; throws a ConfigError naming every bad one. */
export function abuseLimitsFrom(env: Record<string, string | undefined> = process.env): AbuseLimits {
  const parsed = parseConfig(abuseLimitsEnvironment, env);
  return {
    maxDepth: parsed.GRAPHQL_MAX_DEPTH,
    maxAliases: parsed.GRAPHQL_MAX_ALIASES,
    maxDirectives: parsed.GRAPHQL_MAX_DIRECTIVES,
    maxTokens: parsed.GRAPHQL_MAX_TOKENS,
    maxCost: parsed.GRAPHQL_MAX_COST,
  };
}

/** The limits in force: the defaults, overridden by GRAPHQL_MAX_* variables. */
export const ABUSE_LIMITS: Readonly<AbuseLimits> = Object.freeze(abuseLimitsFrom());

/** The code of an operation refused by a depth, alias, directive or cost limit. */
export const LIMIT_EXCEEDED_CODE = 'GRAPHQL_VALIDATION_FAILED';

/**
 * graphql-armor's own rejection reports "Syntax Error: ..." with code BAD_USER_INPUT
 * (Apollo then relabels it). Report instead a plain message naming the limit and its
 * value, with the limit, maximum and what was found as extensions.
 */
function reportLimit(limit: string, maximum: number): GraphQLArmorRejectCallback {
  return (context, error) => {
    const message = error.message.replace(/^Syntax Error: /, '');
    const found = Number(/found (\d+(?:\.\d+)?)/.exec(message)?.[1]);
    const refusal = new GraphQLError(message, {
      extensions: { code: LIMIT_EXCEEDED_CODE, limit, maximum, ...(Number.isFinite(found) ? { found } : {}) },
    });
    if (context) context.reportError(refusal);
    else throw refusal;
  };
}

/**
 * graphql-armor multiplies a paged field's cost by its `first`/`last` only when the
 * page size is written in the query text: `children(first: $n)`, or no `first` at all,
 * would count as one item, and a nested-list bomb could hide its page sizes in
 * variables. So cost is checked once the request's variables are known: each paged
 * field of the operation gets its actual page size written in (the variable's value,
 * else the argument's default, else the subgraphs' default page size, and never more
 * than the subgraphs' largest page, which is all they would return) and graphql-armor's
 * cost rule runs over that copy.
 */
export function withPageSizes(document: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema, variables: Record<string, unknown>): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const sizeOf = (argument: ArgumentNode | undefined, fallback: unknown): number => {
    let size = typeof fallback === 'number' ? fallback : DEFAULT_PAGE_SIZE;
    if (argument?.value.kind === Kind.INT) size = Number(argument.value.value);
    if (argument?.value.kind === Kind.VARIABLE) {
      const value = variables[argument.value.name.value];
      if (typeof value === 'number' && Number.isFinite(value)) size = value;
    }
    return Math.min(Math.trunc(size), MAX_PAGE_SIZE);
  };
  const definitions = document.definitions.filter((definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition === operation);
  return visit(
    { ...document, definitions },
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const pageArgument = typeInfo.getFieldDef()?.args.find((arg) => (arg.name === 'first' || arg.name === 'last') && getNamedType(arg.type).name === 'Int');
        if (!pageArgument) return undefined;
        const given = node.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
        const size: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: given?.name.value ?? pageArgument.name },
          value: { kind: Kind.INT, value: String(sizeOf(given, pageArgument.defaultValue)) },
        };
        // graphql-armor reads the first `first` or `last` it meets: put the page size first.
        return { ...node, arguments: [size, ...(node.arguments ?? []).filter((arg) => arg !== given)] };
      },
    }),
  );
}

/**
 * The variables whose values are page sizes (`first: $n`), in the operation or in any
 * fragment it may spread: the only variables the cost depends on.
 */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if ((argument.name.value === 'first' || argument.name.value === 'last') && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names].sort();
}

/** Cost verdicts kept per operation of a parsed document; past this many combinations of page sizes, the oldest go. */
const VERDICTS_PER_DOCUMENT = 64;

function costPlugin(limits: AbuseLimits): ApolloServerPlugin<BaseContext> {
  const rule = costLimitRule({ maxCost: limits.maxCost, exposeLimits: true, propagateOnRejection: false, onReject: [reportLimit('cost', limits.maxCost)] });
  /*
   * The cost of an operation depends only on its text and its page sizes, and Apollo
   * Server hands every request with the same text the same parsed document (its
   * document store), so the verdict is kept with the document: a dashboard asking the
   * same operation all day pays for the cost walk once, not on every request (it was
   * a tenth of the gateway's work per child's picture). A new page size is a new walk.
   */
  const costs = new WeakMap<DocumentNode, Map<string, { pageSizeVariables: string[]; refusals: Map<string, GraphQLError | null> }>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return; // Apollo Server has already refused it.
          let operations = costs.get(document);
          if (!operations) costs.set(document, (operations = new Map()));
          const name = operation.name?.value ?? '';
          let known = operations.get(name);
          if (!known) operations.set(name, (known = { pageSizeVariables: pageSizeVariables(document), refusals: new Map() }));
          const variables = request.variables ?? {};
          const sizes = JSON.stringify(known.pageSizeVariables.map((variable) => variables[variable] ?? null));
          let refusal = known.refusals.get(sizes);
          if (refusal === undefined) {
            const [error] = validate(schema, withPageSizes(document, operation, schema, variables), [rule]);
            refusal = error ? new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } }) : null;
            if (known.refusals.size >= VERDICTS_PER_DOCUMENT) known.refusals.delete(known.refusals.keys().next().value!);
            known.refusals.set(sizes, refusal);
          }
          // Thrown here, it is answered before the operation is planned or executed.
          if (refusal) throw new GraphQLError(refusal.message, { extensions: refusal.extensions });
        },
      };
    },
  };
}

/**
 * Removes every "Did you mean ...?" sentence graphql-js adds to an error, in every
 * form (fields, arguments, types and "the enum value ..."), so a caller cannot map a
 * schema whose introspection is off by misspelling names. graphql-armor's
 * blockFieldSuggestion runs after it as a second net; its pattern alone misses the
 * enum-value form and leaves the question mark behind.
 */
const stripSuggestions: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(/\s*Did you mean [^?]*\?/g, '');
      },
    };
  },
};

/** What createAbuseLimits returns: spread it into the ApolloServer options. */
export interface AbuseLimitOptions {
  plugins: ApolloServerPlugin<BaseContext>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
  allowBatchedHttpRequests: false;
  includeStacktraceInErrorResponses: false;
  introspection: boolean;
}

/**
 * The ApolloServer options that enforce `limits` before any subgraph is called: the
 * token limit in the parser, depth, aliases and directives as validation rules
 * (graphql-armor), cost once the variables are known, no batched requests, and in
 * production no introspection and no field suggestions.
 */
export function createAbuseLimits(limits: AbuseLimits, { production }: { production: boolean }): AbuseLimitOptions {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, exposeLimits: true, propagateOnRejection: false, onReject: [reportLimit('depth', limits.maxDepth)] },
    maxAliases: { n: limits.maxAliases, exposeLimits: true, propagateOnRejection: false, onReject: [reportLimit('aliases', limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true, propagateOnRejection: false, onReject: [reportLimit('directives', limits.maxDirectives)] },
    // Checked by costPlugin once the variables are known (see withPageSizes).
    costLimit: { enabled: false },
    // graphql-armor counts tokens in a parsingDidStart hook whose error Apollo Server
    // treats as unexpected (HTTP 500), and its unexpectedErrorProcessingRequest hook
    // relabels every unexpected error as a validation failure. graphql-js's own
    // parser limit (parseOptions.maxTokens below) refuses with GRAPHQL_PARSE_FAILED, 400.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production, mask: '' },
  }).protect();
  return {
    plugins: [...(production ? [stripSuggestions] : []), ...armor.plugins, costPlugin(limits)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    // A JSON array of operations is refused with BAD_REQUEST ("Operation batching
    // disabled."): batches multiply every limit above by the batch's length.
    allowBatchedHttpRequests: armor.allowBatchedHttpRequests,
    includeStacktraceInErrorResponses: armor.includeStacktraceInErrorResponses,
    // Introspection maps the whole schema for an attacker; developers keep it.
    introspection: !production,
  };
}
