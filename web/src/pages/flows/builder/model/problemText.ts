/**
 * The server's problems (src/flows/definition/validate.ts) in the words of the person building the
 * flow, in their language. The server speaks to developers ("/nodes/2/template must not have fewer
 * than 1 characters"); each known shape becomes a plain instruction. Anything not recognised is
 * shown as the server said it, so a new kind of problem is never hidden.
 */
import type { TFunction } from 'i18next';
import type { FlowProblem } from '../../../../api/flows.ts';

type Rule = [RegExp, (t: TFunction, m: RegExpExecArray) => string];

const letter = (i: string) => String.fromCharCode(65 + Number(i));

const RULES: Rule[] = [
  [/^\/nodes must not have fewer than 1 items/, (t) => t('flow.problem.empty')],
  [/^a flow needs exactly one trigger node \(found 0\)/, (t) => t('flow.problem.noTrigger')],
  [/^a flow needs exactly one trigger node \(found (\d+)\)/, (t, m) => t('flow.problem.manyTriggers', { count: Number(m[1]) })],
  [/^\/name /, (t) => t('flow.problem.name')],
  [/^\/description /, (t) => t('flow.problem.description')],
  [/^\/nodes\/\d+\/variants\/(\d+)\/template /, (t, m) => t('flow.problem.variantTemplate', { variant: letter(m[1]!) })],
  [/^\/nodes\/\d+\/variants\/\d+\/weight /, (t) => t('flow.problem.weight')],
  [/^\/nodes\/\d+\/variants /, (t) => t('flow.problem.variants')],
  [/^\/nodes\/\d+\/template /, (t) => t('flow.problem.template')],
  [/^\/nodes\/\d+\/duration /, (t) => t('flow.problem.duration')],
  [/^\/nodes\/\d+\/discount\/value /, (t) => t('flow.problem.discountValue')],
  [/^\/nodes\/\d+\/discount\/validFor /, (t) => t('flow.problem.validFor')],
  [/^\/nodes\/\d+\/percent /, (t) => t('flow.problem.percent')],
  [/^\/nodes\/\d+\/check\/amount /, (t) => t('flow.problem.amount')],
  [/^\/nodes\/\d+\/label /, (t) => t('flow.problem.label')],
  [/^node id is used twice/, (t) => t('flow.problem.duplicateId')],
  [/^links to unknown node/, (t) => t('flow.problem.unknownTarget')],
  [/^wait ".*" is not a duration/, (t) => t('flow.problem.duration')],
  [/^template "(.+)" does not exist/, (t, m) => t('flow.problem.noSuchTemplate', { key: m[1] })],
  [/^variant weights are all zero/, (t) => t('flow.problem.zeroWeights')],
  [/^discount validFor is not a duration/, (t) => t('flow.problem.validFor')],
  [/^checks node ".*", which is not a send step/, (t) => t('flow.problem.checksNonSend')],
  [/^is part of a loop/, (t) => t('flow.problem.loop')],
  [/^cannot be reached from the trigger/, (t) => t('flow.problem.unreachable')],
];

export function problemText(t: TFunction, p: FlowProblem): string {
  for (const [re, say] of RULES) {
    const m = re.exec(p.message);
    if (m) return say(t, m);
  }
  return p.message;
}

/** One line per distinct instruction and step: a union's several errors read as one thing to fix. */
export function plainProblems(t: TFunction, problems: readonly FlowProblem[]): Array<{ node?: string; text: string }> {
  const seen = new Set<string>();
  return problems.flatMap((p) => {
    const text = problemText(t, p);
    const key = `${p.node ?? ''}\u0000${text}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ node: p.node, text }];
  });
}
