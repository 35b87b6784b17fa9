import os from 'node:os';
import { ClusterError } from './errors.ts';

/** This host's IPv4 addresses, every interface (loopback included). */
export function hostIPv4Addresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a?.family === 'IPv4')
    .map((a) => a!.address);
}

/**
 * Check `up --listen ADDR` (local, kind): one IPv4 address of one of this
 * host's interfaces that a room can reach — not loopback, not every
 * interface at once (the API server certificate and the kubeconfigs must
 * name one address). Throws a ClusterError saying what to type instead.
 */
export function checkListen(provider: string, listen: string, addresses = hostIPv4Addresses()): string {
  const fix = 'kubedrill up --listen <an IPv4 address of this host, as `ip -4 addr` lists it>';
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(listen)) throw new ClusterError(`${provider}: --listen ${listen} is not an IPv4 address`, { fix });
  if (listen === '0.0.0.0' || listen.startsWith('127.')) {
    throw new ClusterError(`${provider}: --listen ${listen} names no single address a room can reach (certificates and kubeconfigs must name one)`, { fix });
  }
  if (!addresses.includes(listen)) throw new ClusterError(`${provider}: --listen ${listen}: no interface of this host has that address`, { fix });
  return listen;
}
