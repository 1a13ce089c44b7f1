import { describe, expect, it } from 'vitest';
import {
  type Column,
  expectedHeadings,
  initialTargets,
  isRunning,
  mappingProblems,
  progressAnnouncement,
  progressPercent,
  rowsText,
  splitStartProblems,
  stepOf,
} from './import-flow';

const COLUMNS: Column[] = [
  { key: 'firstName', heading: 'First Name', required: true },
  { key: 'lastName', heading: 'Last Name', required: true },
  { key: 'email', heading: 'Email', required: false },
  { key: 'note', heading: 'Note', required: false },
];

describe('stepOf', () => {
  it('puts each status at its step', () => {
    expect(stepOf(undefined, 'mapping')).toBe('upload');
    expect(stepOf('uploaded', 'mapping')).toBe('mapping');
    expect(stepOf('uploaded', 'defaults')).toBe('defaults');
    expect(stepOf('queued', 'defaults')).toBe('import');
    expect(stepOf('running', 'mapping')).toBe('import');
    expect(stepOf('completed', 'mapping')).toBe('result');
    expect(stepOf('failed', 'mapping')).toBe('result');
    expect(stepOf('rolled_back', 'mapping')).toBe('result');
  });
  it('polls only while queued or running', () => {
    expect(
      ['uploaded', 'queued', 'running', 'completed', 'failed', 'rolled_back'].filter((s) =>
        isRunning(s as never),
      ),
    ).toEqual(['queued', 'running']);
    expect(isRunning(undefined)).toBe(false);
  });
});

describe('progressPercent', () => {
  const at = (
    status: 'queued' | 'running' | 'completed' | 'failed',
    processedRows: number,
    totalRows = 3000,
  ) => progressPercent({ status, processedRows, totalRows });
  it('rounds down and stays below 100 until the import has finished', () => {
    expect(at('queued', 0)).toBe(0);
    expect(at('running', 1)).toBe(0);
    expect(at('running', 29)).toBe(0);
    expect(at('running', 30)).toBe(1);
    expect(at('running', 1000)).toBe(33);
    expect(at('running', 2999)).toBe(99);
    expect(at('running', 3000)).toBe(99);
    expect(at('completed', 3000)).toBe(100);
  });
  it('is 100 for a completed import even if its counts say otherwise, and bounded for bad counts', () => {
    expect(at('completed', 0)).toBe(100);
    expect(at('running', 5000)).toBe(99);
    expect(at('failed', 5000)).toBe(100);
    expect(at('failed', 1500)).toBe(50);
    expect(at('running', -10)).toBe(0);
    expect(at('running', 10, 0)).toBe(0);
  });
  it('announces in steps of ten', () => {
    const say = (status: 'queued' | 'running' | 'completed', processedRows: number) =>
      progressAnnouncement({ status, processedRows, totalRows: 100 });
    expect(say('queued', 0)).toBe('The import is waiting to start.');
    expect(say('running', 9)).toBe('The import is 0% done.');
    expect(say('running', 10)).toBe('The import is 10% done.');
    expect(say('running', 99)).toBe('The import is 90% done.');
    expect(say('completed', 100)).toBe('The import has finished.');
  });
});

describe('mappingProblems', () => {
  it('accepts documented headings, Note and ignored columns', () => {
    const headings = ['First Name', 'Last Name', 'Email', 'Source', 'Remarks'];
    expect(mappingProblems(headings, ['firstName', 'lastName', 'email', 'ignore', 'note'], COLUMNS)).toEqual(
      [],
    );
  });
  it('lets several columns become notes or be ignored', () => {
    expect(
      mappingProblems(
        ['First Name', 'Last Name', 'A', 'B', 'C', 'D'],
        ['firstName', 'lastName', 'note', 'note', 'ignore', 'ignore'],
        COLUMNS,
      ),
    ).toEqual([]);
  });
  it('names an unchosen column with the expected headings, a field used twice, and a missing required one with what was found', () => {
    const problems = mappingProblems(
      ['Firstname', 'Last Name', 'E-mail', 'Email'],
      [null, 'lastName', 'email', 'email'],
      COLUMNS,
    );
    expect(problems).toEqual([
      {
        column: 0,
        message:
          'Column 1 “Firstname” is not a documented heading: map it to Note, ignore it, or pick the field it holds.',
      },
      { column: 3, message: '“Email” is already mapped from column 3.' },
      {
        column: null,
        message: 'The required column “First Name” is missing (found: Firstname, Last Name, E-mail, Email).',
      },
    ]);
  });
  it('treats a missing target (fewer targets than headings) as unchosen, and flags unknown targets', () => {
    expect(mappingProblems(['First Name', 'Last Name'], ['firstName'], COLUMNS).map((p) => p.column)).toEqual(
      [1, null],
    );
    expect(
      mappingProblems(['First Name', 'Last Name', 'X'], ['firstName', 'lastName', 'shoeSize'], COLUMNS),
    ).toEqual([{ column: 2, message: 'Column 3 “X” has an unknown target.' }]);
  });
  it('reports both required columns of an empty mapping', () => {
    expect(mappingProblems([], [], COLUMNS).map((p) => p.message)).toEqual([
      'The required column “First Name” is missing (found: no headings).',
      'The required column “Last Name” is missing (found: no headings).',
    ]);
  });
});

describe('expected and found headings', () => {
  it('lists the documented headings with Note last, ', () => {
    expect(expectedHeadings([COLUMNS[3]!, ...COLUMNS.slice(0, 3)])).toEqual([
      'First Name',
      'Last Name',
      'Email',
      'Note',
    ]);
  });
});

describe('initialTargets and splitStartProblems', () => {
  it('leaves the API’s unmapped headings unchosen', () => {
    expect(
      initialTargets([{ target: 'firstName' }, { target: 'unmapped' }, { target: 'note' }, { target: '' }]),
    ).toEqual(['firstName', null, 'note', null]);
  });
  it('sorts the API’s problems into mapping columns, the mapping as a whole, and the defaults', () => {
    expect(
      splitStartProblems([
        { path: 'mapping.2', message: 'a' },
        { path: 'mapping', message: 'b' },
        { path: 'statusId', message: 'c' },
        { path: 'mapping.x', message: 'd' },
        { path: 'mappings.1', message: 'e' },
      ]),
    ).toEqual({
      mapping: [
        { column: 2, message: 'a' },
        { column: null, message: 'b' },
      ],
      defaults: [
        { path: 'statusId', message: 'c' },
        { path: 'mapping.x', message: 'd' },
        { path: 'mappings.1', message: 'e' },
      ],
    });
  });
  it('counts rows for people', () => {
    expect(rowsText(0)).toBe('0 rows');
    expect(rowsText(1)).toBe('1 row');
    expect(rowsText(2500)).toBe('2,500 rows');
  });
});
