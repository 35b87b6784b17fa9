import { describe, expect, it } from 'vitest';
import { clientGitVersion, kubectlSkew, parseKubeVersion } from './kubectl-version.ts';

describe('parseKubeVersion', () => {
  it.each([
    ['v1.36.3', { major: 1, minor: 36, patch: 3 }],
    ['v1.32.4-dispatcher', { major: 1, minor: 32, patch: 4 }],
    ['1.30.0+k3s1', { major: 1, minor: 30, patch: 0 }],
    ['v1.31.2-eks-7f9249a', { major: 1, minor: 31, patch: 2 }],
    ['  v1.36.0\n', { major: 1, minor: 36, patch: 0 }],
    ['v1.36', undefined],
    ['unknown', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (text, expected) => {
    const parsed = parseKubeVersion(text);
    expect(parsed && { major: parsed.major, minor: parsed.minor, patch: parsed.patch }).toEqual(expected);
  });
});

describe('clientGitVersion', () => {
  it.each([
    ['{"clientVersion":{"major":"1","minor":"32+","gitVersion":"v1.32.4-dispatcher"},"kustomizeVersion":"v5.5.0"}', 'v1.32.4-dispatcher'],
    ['{"clientVersion":{"gitVersion":"v1.36.3"}}', 'v1.36.3'],
    ['{"kustomizeVersion":"v5.5.0"}', undefined],
    ['Client Version: v1.36.3', undefined],
    ['', undefined],
  ])('%s → %s', (json, expected) => {
    expect(clientGitVersion(json)).toBe(expected);
  });
});

describe('kubectlSkew', () => {
  it.each<[string | undefined, string | undefined, boolean, string, RegExp]>([
    ['v1.36.3', 'v1.36.3', true, 'none', /works with the server v1.36.3/],
    ['v1.35.0', 'v1.36.3', true, 'none', /works/],
    ['v1.37.1', 'v1.36.3', true, 'none', /works/],
    ['v1.34.9', 'v1.36.3', false, 'too-old', /^kubectl v1.34.9 is 2 minor versions older than the server v1.36.3/],
    ['v1.32.4-dispatcher', 'v1.36.3', false, 'too-old', /v1.32.4-dispatcher is 4 minor versions older/],
    ['v1.38.0', 'v1.36.1', false, 'too-new', /2 minor versions newer than the server v1.36.1/],
    ['v2.0.0', 'v1.36.1', false, 'too-new', /a different major version newer/],
    [undefined, 'v1.36.3', false, 'missing', /^no kubectl on PATH$/],
    [undefined, undefined, false, 'missing', /no kubectl/],
    ['', 'v1.36.3', false, 'unknown-client', /no readable version \(empty\)/],
    ['v1.32.4', undefined, true, 'unknown-server', /server version unknown/],
    ['v1.32.4', 'unknown version', true, 'unknown-server', /server version unknown/],
  ])('client %j, server %j → ok %s (%s)', (client, server, ok, problem, reason) => {
    const skew = kubectlSkew(client, server);
    expect(skew.ok).toBe(ok);
    expect(skew.problem).toBe(problem);
    expect(skew.reason).toMatch(reason);
  });
});
