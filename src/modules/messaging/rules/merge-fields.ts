/**
 * Merge fields in user-authored SMS and email templates ({{firstName}}, {{agentName}}, …), rendered
 * with Handlebars (logic-less, no code execution; spec §4) under a stricter contract:
 * - the template is parsed and every node checked before anything renders: only text, comments,
 *   `{{field}}` with a known single-segment field name, and `{{#if field}}…{{else}}…{{/if}}` /
 *   `{{#unless field}}` blocks. No partials, other helpers, sub-expressions, `this`, `../`, `@data`,
 *   dotted paths (`{{firstName.constructor}}`) or triple-stash `{{{raw}}}` (which would bypass
 *   e-mail escaping). Each problem is reported, every unknown field by name;
 * - rendering uses an isolated Handlebars environment with only `if`/`unless`, strict mode, and a
 *   null-prototype context, so `{{constructor}}` / `{{__proto__}}` cannot reach Object.prototype
 *   (they are unknown fields anyway);
 * - a known field with no value renders as the empty string (a lead with no last name still gets
 *   the text); HTML-escaping is off for SMS and on for email.
 */
import Handlebars from 'handlebars';

export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'agentName',
  'agentFirstName',
  'agentLastName',
  'agentPhone',
  'agentEmail',
  'agencyName',
  'agencyPhone',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Partial<Record<MergeField, string | null | undefined>>;
export type Channel = 'sms' | 'email';

export type TemplateProblem =
  | { code: 'unknown_field'; field: string }
  | { code: 'unsupported'; syntax: string }
  | { code: 'syntax'; message: string };

export class TemplateError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(
      problems
        .map((p) =>
          p.code === 'unknown_field'
            ? `Unknown merge field {{${p.field}}}`
            : p.code === 'unsupported'
              ? `Unsupported template syntax: ${p.syntax}`
              : `Template syntax error: ${p.message}`,
        )
        .join('; '),
    );
    this.name = 'TemplateError';
  }
}

const HELPERS = new Set(['if', 'unless']);
const KNOWN = new Set<string>(MERGE_FIELDS);
type Node = hbs.AST.Node;

const env = Handlebars.create();
for (const name of Object.keys(env.helpers)) if (!HELPERS.has(name)) env.unregisterHelper(name);

/** A plain field reference, or undefined. */
const fieldOf = (node: hbs.AST.Expression): string | undefined => {
  if (node.type !== 'PathExpression') return undefined;
  const p = node as hbs.AST.PathExpression;
  return !p.data && p.depth === 0 && p.parts.length === 1 && p.original === p.parts[0]
    ? p.parts[0]
    : undefined;
};

type Analysis = { fields: string[]; problems: TemplateProblem[] };

function analyse(template: string): Analysis {
  const fields: string[] = [];
  const problems: TemplateProblem[] = [];
  let program: hbs.AST.Program;
  try {
    program = env.parse(template);
  } catch (e) {
    return { fields, problems: [{ code: 'syntax', message: (e as Error).message.split('\n')[0]! }] };
  }
  const useField = (expr: hbs.AST.Expression, source: string) => {
    const field = fieldOf(expr);
    if (field === undefined) problems.push({ code: 'unsupported', syntax: source });
    else {
      if (!fields.includes(field)) fields.push(field);
      if (!KNOWN.has(field) && !problems.some((p) => p.code === 'unknown_field' && p.field === field))
        problems.push({ code: 'unknown_field', field });
    }
  };
  const walk = (node: Node): void => {
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(walk);
        return;
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const source = `{{${(m.path as hbs.AST.PathExpression).original ?? m.path.type}}}`;
        if (!m.escaped) problems.push({ code: 'unsupported', syntax: `{${source}}` });
        else if (m.params.length || m.hash)
          problems.push({ code: 'unsupported', syntax: `${source} with arguments` });
        else useField(m.path, source);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const helper = fieldOf(b.path);
        if (!helper || !HELPERS.has(helper) || b.params.length !== 1 || b.hash) {
          problems.push({
            code: 'unsupported',
            syntax: `{{#${(b.path as hbs.AST.PathExpression).original}}}`,
          });
          return;
        }
        useField(b.params[0]!, `{{#${helper} …}}`);
        walk(b.program);
        if (b.inverse) walk(b.inverse);
        return;
      }
      default:
        problems.push({ code: 'unsupported', syntax: node.type });
    }
  };
  walk(program);
  return { fields, problems };
}

/** The merge fields a template uses, in order of first use (known or not). Throws on syntax errors. */
export function listMergeFields(template: string): string[] {
  const { fields, problems } = analyse(template);
  const syntax = problems.filter((p) => p.code === 'syntax');
  if (syntax.length) throw new TemplateError(syntax);
  return fields;
}

/** Every problem of a template, empty when it can be rendered. */
export const validateTemplate = (template: string): TemplateProblem[] => analyse(template).problems;

export function renderTemplate(template: string, values: MergeValues, channel: Channel): string {
  const { problems } = analyse(template);
  if (problems.length) throw new TemplateError(problems);
  const context: Record<string, string> = Object.create(null);
  for (const field of MERGE_FIELDS) context[field] = values[field] ?? '';
  const render = env.compile(template, {
    strict: true,
    knownHelpers: { if: true, unless: true },
    knownHelpersOnly: true,
    noEscape: channel === 'sms',
  });
  return render(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}
