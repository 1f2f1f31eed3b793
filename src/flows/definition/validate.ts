/**
 * Checks a flow definition: its shape (the TypeBox contract), then the graph. Every problem is
 * listed at once, each with the node it concerns, so the builder can show what is missing.
 */
import { Value } from 'typebox/value';
import { FlowDefinition, type FlowNode } from '../../contracts/flow.ts';
import { isDuration } from '../../kernel/duration.ts';
import { AppError } from '../../kernel/errors.ts';

export interface FlowProblem { node?: string; message: string }

function targets(n: FlowNode): Array<string | null | undefined> {
  if (n.type === 'condition') return [n.yes, n.no];
  if (n.type === 'exit') return [];
  return [n.next];
}

function graphProblems(def: FlowDefinition, templateExists: (key: string) => boolean): FlowProblem[] {
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

/** A shape problem names the node it is in when the path goes through /nodes/<index>. */
function shapeProblems(input: unknown): FlowProblem[] {
  const nodes = (input as { nodes?: Array<{ id?: unknown }> } | null)?.nodes;
  return [...Value.Errors(FlowDefinition, input)].slice(0, 20).map((e) => {
    const index = /^\/nodes\/(\d+)/.exec(e.instancePath)?.[1];
    const id = index !== undefined && Array.isArray(nodes) ? nodes[Number(index)]?.id : undefined;
    return { ...(typeof id === 'string' ? { node: id } : {}), message: `${e.instancePath || '/'} ${e.message}` };
  });
}

/** Every problem of a definition (shape first; the graph only once the shape is right); empty when it can go live. */
export function flowProblems(input: unknown, templateExists: (key: string) => boolean): FlowProblem[] {
  const shape = shapeProblems(input);
  return shape.length ? shape : graphProblems(input as FlowDefinition, templateExists);
}

/** Returns the definition or throws invalid_flow with every problem in details. */
export function validateFlow(input: unknown, templateExists: (key: string) => boolean): FlowDefinition {
  const shape = shapeProblems(input);
  if (shape.length) throw new AppError('invalid_flow', 'the flow definition does not have the expected shape', shape);
  const def = input as FlowDefinition;
  const problems = graphProblems(def, templateExists);
  if (problems.length) throw new AppError('invalid_flow', `the flow has ${problems.length} problem(s)`, problems);
  return def;
}

export function triggerNode(def: FlowDefinition): FlowNode {
  return def.nodes.find((n) => n.type === 'trigger')!;
}
