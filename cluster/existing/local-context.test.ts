import { describe, expect, it } from 'vitest';
import { isLocalContext, isLoopbackHost, localReason } from './local-context.ts';

describe('isLocalContext', () => {
  it.each([
    { context: 'kind-kubedrill', server: 'https://127.0.0.1:40123', local: true },
    { context: 'kind-dev', server: 'https://10.1.2.3:6443', local: true },
    { context: 'kubedrill-local', server: 'https://10.0.0.5:6443', local: true },
    { context: 'kubedrill', server: '', local: true },
    { context: 'minikube', server: 'https://192.168.49.2:8443', local: true },
    { context: 'docker-desktop', server: 'https://kubernetes.docker.internal:6443', local: true },
    { context: 'k3d-lab', server: 'https://0.0.0.0:33445', local: true },
    { context: 'rancher-desktop', server: 'https://127.0.0.1:6443', local: true },
    { context: 'lab', server: 'https://localhost:6443', local: true },
    { context: 'lab', server: 'https://127.0.0.53:6443', local: true },
    { context: 'lab', server: 'https://[::1]:6443', local: true },
    { context: 'gke_prod_europe-west1_main', server: 'https://34.77.1.2', local: false },
    { context: 'arn:aws:eks:eu-west-1:1234:cluster/prod', server: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com', local: false },
    { context: 'prod-kind-like', server: 'https://10.0.0.1:6443', local: false },
    { context: 'minikube-prod', server: 'https://10.0.0.1:6443', local: false },
    { context: 'lab', server: '', local: false },
    { context: 'lab', server: 'not a url', local: false },
    { context: 'lab', server: 'https://127.example.com:6443', local: false },
  ])('$context at "$server" → local $local', ({ context, server, local }) => {
    expect(isLocalContext({ context, server })).toBe(local);
  });

  it('says why a context is local', () => {
    expect(localReason({ context: 'lab', server: 'https://127.0.0.1:6443' })).toBe('server https://127.0.0.1:6443 is on loopback');
    expect(localReason({ context: 'minikube', server: '' })).toBe("context name minikube is a local tool's");
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['api.localhost', true],
    ['127.0.0.1', true],
    ['[::1]', true],
    ['10.0.0.1', false],
    ['127.0.0.1.nip.io', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
