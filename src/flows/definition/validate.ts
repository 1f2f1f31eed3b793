/**
 * Checks a flow definition: its shape (the TypeBox contract), then the graph. Every problem is
 * listed at once, each with the node it concerns, so the builder can show what is missing.
 */
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { Check, ConditionNode, ExitNode, FlowDefinition, HoldoutNode, SendEmailNode, TriggerNode, WaitNode, type FlowNode } from '../../contracts/flow.ts';
import { isDuration } from '../../kernel/duration.ts';
import { AppError } from '../../kernel/errors.ts';

export interface FlowProblem { node?: string; message: string }

function targets(n: FlowNode): Array<string | null | undefined> {
  if (n.type === 'condition') return [n.yes, n.no];
  if (n.type === 'exit') return [];
  return [n.next];
}

/**
 * Problems of the graph: ids, the trigger, links, loops, reachability; with `settings`, also each
 * step's settings (durations, templates, weights, what a condition checks). The links alone need
 * only ids, types and link fields, so they can be checked while a step's settings are still wrong.
 */
function graphProblems(def: FlowDefinition, templateExists: (key: string) => boolean, settings = true): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const byId = new Map<string, FlowNode>();
  for (const n of def.nodes) {
    if (byId.has(n.id)) problems.push({ node: n.id, message: 'node id is used twice' });
    byId.set(n.id, n);
  }
  const triggers = def.nodes.filter((n) => n.type === 'trigger');
  if (triggers.length !== 1) problems.push({ message: `a flow needs exactly one trigger node (found ${triggers.length})` });
  for (const n of def.nodes) {
    for (const t of targets(n)) if (t && !byId.has(t)) problems.push({ node: n.id, message: `links to unknown node "${t}"` });
    if (!settings) continue;
    if (n.type === 'wait' && !isDuration(n.duration)) problems.push({ node: n.id, message: `wait "${n.duration}" is not a duration of at least PT1S` });
    if (n.type === 'send_email') {
      for (const key of [n.template, ...(n.variants ?? []).map((v) => v.template)]) {
        if (!templateExists(key)) problems.push({ node: n.id, message: `template "${key}" does not exist` });
      }
      if (n.variants && n.variants.every((v) => v.weight === 0)) problems.push({ node: n.id, message: 'variant weights are all zero' });
      if (n.discount && n.discount.validFor !== 'today' && !isDuration(n.discount.validFor)) problems.push({ node: n.id, message: 'discount validFor is not a duration' });
    }
    if ((n.type === 'condition' && (n.check.kind === 'opened' || n.check.kind === 'clicked')) && n.check.node && byId.get(n.check.node)?.type !== 'send_email') {
      problems.push({ node: n.id, message: `checks node "${n.check.node}", which is not a send step` });
    }
  }
  // Flows are acyclic: every run ends, and a step can never be reached twice (one message per node).
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    const n = byId.get(id);
    if (!n || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.push({ node: id, message: 'is part of a loop; flows must not loop' });
      return;
    }
    state.set(id, 'visiting');
    for (const t of targets(n)) if (t) visit(t);
    state.set(id, 'done');
  };
  if (triggers[0]) visit(triggers[0].id);
  for (const n of def.nodes) if (!state.has(n.id)) problems.push({ node: n.id, message: 'cannot be reached from the trigger' });
  return problems;
}

const NODE_SCHEMAS: Record<string, TSchema> = { trigger: TriggerNode, wait: WaitNode, send_email: SendEmailNode, condition: ConditionNode, holdout: HoldoutNode, exit: ExitNode };

const errorsAt = (schema: TSchema, value: unknown, prefix: string) => [...Value.Errors(schema, value)].map((e) => `${prefix}${e.instancePath} ${e.message}`);

/**
 * A node checked against the schema of its own type (and a condition's check against its own
 * kind): checked against the union, an empty template would also be reported as every other
 * type's missing fields, which tells the person fixing it nothing.
 */
function nodeShape(n: unknown, prefix: string): string[] {
  const node = (typeof n === 'object' && n !== null ? n : {}) as { type?: unknown; check?: { kind?: unknown } };
  const schema = NODE_SCHEMAS[String(node.type)];
  if (!schema) return [`${prefix}/type must be one of ${Object.keys(NODE_SCHEMAS).join(', ')}`];
  const problems = errorsAt(schema, n, prefix);
  if (node.type !== 'condition') return problems;
  const kind = Check.anyOf.find((k) => k.properties.kind.const === node.check?.kind);
  if (!kind) return problems.filter((p) => !p.startsWith(`${prefix}/check/`) && !p.startsWith(`${prefix}/check `)).concat(`${prefix}/check/kind must be one of ${Check.anyOf.map((k) => k.properties.kind.const).join(', ')}`);
  return problems.filter((p) => !p.startsWith(`${prefix}/check`)).concat(errorsAt(kind, node.check, `${prefix}/check`));
}

/** Shape problems: the definition's own fields, then each node's; a problem inside a node names it. */
function shapeProblems(input: unknown): FlowProblem[] {
  if (Value.Check(FlowDefinition, input)) return [];
  const nodes = (input as { nodes?: unknown } | null)?.nodes;
  const top = [...Value.Errors(FlowDefinition, input)].filter((e) => !/^\/nodes\/\d+/.test(e.instancePath)).map((e) => ({ message: `${e.instancePath || '/'} ${e.message}` }));
  const inNodes = (Array.isArray(nodes) ? nodes : []).flatMap((n: { id?: unknown }, i) =>
    nodeShape(n, `/nodes/${i}`).map((message) => ({ ...(typeof n?.id === 'string' ? { node: n.id } : {}), message })),
  );
  return [...top, ...inNodes].slice(0, 50);
}

/** Whether the links can be followed: every node an object with a string id, a known type, and links that are ids or empty. */
function linksReadable(input: unknown): boolean {
  const nodes = (input as { nodes?: unknown } | null)?.nodes;
  const link = (v: unknown) => v === undefined || v === null || typeof v === 'string';
  return Array.isArray(nodes) && nodes.every((n: Record<string, unknown> | null) =>
    typeof n === 'object' && n !== null && typeof n.id === 'string' && String(n.type) in NODE_SCHEMAS && link(n.next) && link(n.yes) && link(n.no));
}

/**
 * Every problem of a definition, empty when it can go live: shape problems first, then the graph's.
 * While a step's settings are malformed (a half-built step in the builder), its links are still
 * checked, so fixing one thing never uncovers a list of others that were there all along.
 */
export function flowProblems(input: unknown, templateExists: (key: string) => boolean): FlowProblem[] {
  const shape = shapeProblems(input);
  if (!shape.length) return graphProblems(input as FlowDefinition, templateExists);
  return linksReadable(input) ? [...shape, ...graphProblems(input as FlowDefinition, templateExists, false)] : shape;
}

/** Returns the definition or throws invalid_flow with every problem in details. */
export function validateFlow(input: unknown, templateExists: (key: string) => boolean): FlowDefinition {
  const problems = flowProblems(input, templateExists);
  if (problems.length && shapeProblems(input).length) throw new AppError('invalid_flow', 'the flow definition does not have the expected shape', problems);
  if (problems.length) throw new AppError('invalid_flow', `the flow has ${problems.length} problem(s)`, problems);
  return input as FlowDefinition;
}

export function triggerNode(def: FlowDefinition): FlowNode {
  return def.nodes.find((n) => n.type === 'trigger')!;
}
