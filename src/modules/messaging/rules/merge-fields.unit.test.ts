import { describe, expect, it } from 'vitest';
import { listMergeFields, renderTemplate, TemplateError, validateTemplate } from './merge-fields.ts';

const values = { firstName: 'Ana', lastName: "O'Neil & Co", agentName: 'Sam Lee', agentPhone: '+1 555 0100' };

const problems = (template: string) => {
  try {
    renderTemplate(template, values, 'sms');
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as TemplateError).problems;
  }
  throw new Error('expected a TemplateError');
};

describe('renderTemplate', () => {
  it('fills known fields; SMS is not HTML-escaped, email is', () => {
    const t = 'Hi {{firstName}} {{lastName}}, this is {{agentName}} ({{agentPhone}}).';
    expect(renderTemplate(t, values, 'sms')).toBe("Hi Ana O'Neil & Co, this is Sam Lee (+1 555 0100).");
    expect(renderTemplate(t, values, 'email')).toBe(
      'Hi Ana O&#x27;Neil &amp; Co, this is Sam Lee (+1 555 0100).',
    );
    expect(renderTemplate('<b>{{firstName}}</b>', { firstName: '<script>' }, 'email')).toBe(
      '<b>&lt;script&gt;</b>',
    );
  });
  it('a known field with no value renders empty', () => {
    expect(renderTemplate('Hi {{firstName}}{{lastName}}!', { firstName: null }, 'sms')).toBe('Hi !');
  });
  it('if/unless blocks on known fields are allowed', () => {
    const t =
      '{{#if agentPhone}}Call {{agentPhone}}{{else}}Reply here{{/if}}{{#unless lastName}}.{{/unless}}';
    expect(renderTemplate(t, values, 'sms')).toBe('Call +1 555 0100');
    expect(renderTemplate(t, {}, 'sms')).toBe('Reply here.');
  });
  it('an unknown field is an error naming each one, once', () => {
    expect(problems('Hi {{firstname}} {{nickName}} {{firstname}}')).toEqual([
      { code: 'unknown_field', field: 'firstname' },
      { code: 'unknown_field', field: 'nickName' },
    ]);
    expect(() => renderTemplate('{{nickName}}', values, 'sms')).toThrow('Unknown merge field {{nickName}}');
  });
  it('prototype access is blocked', () => {
    expect(problems('{{constructor}}')).toEqual([{ code: 'unknown_field', field: 'constructor' }]);
    expect(problems('{{__proto__}}')).toEqual([{ code: 'unknown_field', field: '__proto__' }]);
    expect(problems('{{firstName.constructor}}')).toEqual([
      { code: 'unsupported', syntax: '{{firstName.constructor}}' },
    ]);
    expect(problems('{{constructor.constructor}}')[0]!.code).toBe('unsupported');
    expect(problems('{{lookup this "constructor"}}')[0]!.code).toBe('unsupported');
  });
  it('helpers, partials, sub-expressions, data and parent paths, triple-stash are refused', () => {
    for (const t of [
      '{{#each x}}{{/each}}',
      '{{#with firstName}}{{/with}}',
      '{{> partial}}',
      '{{log firstName}}',
      '{{firstName (lookup a b)}}',
      '{{@root}}',
      '{{this}}',
      '{{../firstName}}',
      '{{{firstName}}}',
      '{{#if firstName.length}}x{{/if}}',
    ]) {
      expect(validateTemplate(t).length, t).toBeGreaterThan(0);
      expect(
        validateTemplate(t).every((p) => p.code === 'unsupported'),
        t,
      ).toBe(true);
    }
  });
  it('a syntax error is reported, not thrown raw', () => {
    expect(problems('Hi {{firstName')[0]!.code).toBe('syntax');
  });
});

describe('listMergeFields', () => {
  it('lists the fields used, in order, once, including unknown and block conditions', () => {
    expect(
      listMergeFields(
        '{{agentName}} {{firstName}} {{#if agentPhone}}{{agentPhone}}{{/if}} {{foo}} {{firstName}}',
      ),
    ).toEqual(['agentName', 'firstName', 'agentPhone', 'foo']);
    expect(listMergeFields('no fields {{! a comment }}')).toEqual([]);
  });
  it('throws on a syntax error', () => {
    expect(() => listMergeFields('{{#if firstName}}')).toThrow(TemplateError);
  });
});
