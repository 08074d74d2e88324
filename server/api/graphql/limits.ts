// Query size limits, checked while the query is validated (before anything runs): its depth in
// fields, and an estimated cost — each field counts once per item its enclosing lists may return,
// a list field returning its `first` argument's value (or the argument's default) items. A query
// over either limit is refused with 400 and a message saying which limit and by how much.
// Fragments are expanded as they are used, so a query cannot hide its size behind them; the walk
// stops as soon as a limit is passed, so a fragment "bomb" costs no more than the limit to check.
import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

export type QueryLimits = { maxDepth: number; maxCost: number };

/** Items assumed for a list field without a `first` argument (e.g. a viewer's workspaces). */
const DEFAULT_LIST_SIZE = 10;

class LimitExceeded extends Error {}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function listSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const first = field.args.find((arg) => arg.name === "first");
  if (!first) return DEFAULT_LIST_SIZE;
  const value = args.first ?? first.defaultValue;
  return typeof value === "number" && value > 0 ? value : DEFAULT_LIST_SIZE;
}

export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root =
        operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
      if (!root) return;
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === "FragmentDefinition") fragments.set(definition.name.value, definition);
      }
      const variables = {} as Record<string, unknown>;
      let cost = 0;
      let deepest = 0;

      const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, depth: number, multiplier: number, spreads: Set<string>) => {
        for (const selection of selectionSet.selections) {
          if (selection.kind === "FragmentSpread") {
            const name = selection.name.value;
            const fragment = fragments.get(name);
            // Cycles are refused by the standard rules; here they are just not followed.
            if (!fragment || spreads.has(name)) continue;
            const type = schema.getType(fragment.typeCondition.name.value) ?? parent;
            walk(fragment.selectionSet, type, depth, multiplier, new Set(spreads).add(name));
            continue;
          }
          if (selection.kind === "InlineFragment") {
            const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
            walk(selection.selectionSet, type, depth, multiplier, spreads);
            continue;
          }
          if (selection.name.value.startsWith("__")) continue; // introspection has limits of its own (on or off by env)
          if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
          const field = parent.getFields()[selection.name.value];
          if (!field) continue; // unknown fields are the standard rules' to report
          const fieldDepth = depth + 1;
          deepest = Math.max(deepest, fieldDepth);
          if (deepest > limits.maxDepth) throw new LimitExceeded();
          cost += multiplier;
          if (cost > limits.maxCost) throw new LimitExceeded();
          if (!selection.selectionSet) continue;
          const args: Record<string, unknown> = {};
          for (const argument of selection.arguments ?? []) {
            const definition = field.args.find((arg) => arg.name === argument.name.value);
            if (definition) args[argument.name.value] = valueFromAST(argument.value, definition.type, variables);
          }
          const childMultiplier = isList(field.type) ? multiplier * listSize(field, args) : multiplier;
          walk(selection.selectionSet, getNamedType(field.type), fieldDepth, childMultiplier, spreads);
        }
      };

      try {
        walk(operation.selectionSet, root, 0, 1, new Set());
      } catch (error) {
        if (!(error instanceof LimitExceeded)) throw error;
        const message =
          deepest > limits.maxDepth
            ? `The query is too deep: it nests more than ${limits.maxDepth} fields (GRAPHQL_MAX_DEPTH). Ask for less at once.`
            : `The query is too expensive: its estimated cost is over ${limits.maxCost} (GRAPHQL_MAX_COST); lists count once per item they may return (their \`first\`). Ask for fewer items or fields.`;
        context.reportError(new GraphQLError(message, { nodes: [operation], extensions: { code: "QUERY_TOO_LARGE", http: { status: 400, spec: false } } }));
      }
    },
  });
}
