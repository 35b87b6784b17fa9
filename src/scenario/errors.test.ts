import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldPathOf, formatProblem, ScenarioError, showValue } from './errors.ts';
import { repoRoot } from './paths.ts';

describe('fieldPathOf', () => {
  it.each([
    [['checks', 2, 'replicas'], 'checks[2].replicas'],
    [['symptom', 'all', 0, 'workload'], 'symptom.all[0].workload'],
    [['spec', 'template', 'spec', 'containers', 0, 'command'], 'spec.template.spec.containers[0].command'],
    [['metadata', 'annotations', 'kubedrill.io/x'], 'metadata.annotations["kubedrill.io/x"]'],
    [[], ''],
  ])('%j → %s', (segments, expected) => {
    expect(fieldPathOf(segments)).toBe(expected);
  });
});

describe('showValue', () => {
  it.each([
    ['two', '"two"'],
    [2, '2'],
    [undefined, 'nothing'],
    [null, 'null'],
    ['x'.repeat(100), `"${'x'.repeat(56)}...`],
  ])('%j → %s', (value, expected) => {
    expect(showValue(value)).toBe(expected);
  });
});

describe('ScenarioError', () => {
  const file = path.join(repoRoot, 'scenarios', 'x', 'scenario.yaml');

  it('prints file, field path and detail on one line, the file relative to the repository', () => {
    const error = new ScenarioError({ file, fieldPath: 'checks[2].replicas', detail: 'expected a number, saw "two"' });
    expect(error.message).toBe('scenarios/x/scenario.yaml: checks[2].replicas: expected a number, saw "two"');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScenarioError');
    expect(error).toMatchObject({ file, fieldPath: 'checks[2].replicas', detail: 'expected a number, saw "two"' });
  });

  it('adds the line when known and keeps the cause', () => {
    const cause = new Error('boom');
    const error = new ScenarioError({ file, fieldPath: 'id', detail: 'bad', line: 3 }, { cause });
    expect(error.message).toBe('scenarios/x/scenario.yaml:3: id: bad');
    expect(error.cause).toBe(cause);
  });

  it('leaves out an empty field path, and keeps paths outside the repository absolute', () => {
    expect(formatProblem({ file: '/elsewhere/solution.sh', fieldPath: '', detail: 'missing' })).toBe('/elsewhere/solution.sh: missing');
  });
});
