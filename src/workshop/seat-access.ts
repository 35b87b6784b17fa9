import type { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { MANAGED_BY, WORKSHOP_LABEL } from '../attempt/record.ts';

/** Labels on everything a workshop makes: `workshop end` deletes by them. */
export { WORKSHOP_LABEL };
export const SEAT_LABEL = 'kubedrill.io/seat';

/** The TokenRequest API refuses an expiry shorter than ten minutes. */
export const MIN_TOKEN_SECONDS = 600;

export interface SeatApis {
  core: Pick<CoreV1Api, 'createNamespacedServiceAccount' | 'createNamespacedServiceAccountToken'>;
  rbac: Pick<RbacAuthorizationV1Api, 'createNamespacedRoleBinding' | 'replaceNamespacedRoleBinding'>;
}

export interface Seat {
  workshop: string;
  /** The workshop's control namespace: the seats' ServiceAccounts live there, where learners have no rights. */
  control: string;
  /** The seat's name: a DNS label, its ServiceAccount's name. */
  seat: string;
  /** The seat's task namespaces: the only ones it gets rights in. */
  namespaces: string[];
}

const conflict = (error: unknown): boolean => (error as { code?: number })?.code === 409 || /HTTP-Code: 409/.test(String((error as Error)?.message));

/**
 * A seat's identity and rights: a ServiceAccount in the control namespace,
 * and in each of the seat's namespaces a RoleBinding to the built-in `admin`
 * ClusterRole (everything a learner does with namespaced objects, nothing
 * cluster-wide, nothing in another namespace). Idempotent: what exists is
 * kept, a binding is put back as it should be.
 */
export async function grantSeat(apis: SeatApis, seat: Seat): Promise<void> {
  const labels = { [MANAGED_BY]: 'kubedrill', [WORKSHOP_LABEL]: seat.workshop, [SEAT_LABEL]: seat.seat };
  await apis.core.createNamespacedServiceAccount({ namespace: seat.control, body: { metadata: { name: seat.seat, labels } } }).catch((error: unknown) => {
    if (!conflict(error)) throw error;
  });
  for (const namespace of seat.namespaces) {
    const name = `kubedrill-seat-${seat.seat}`;
    const body = {
      metadata: { name, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
      subjects: [{ kind: 'ServiceAccount', name: seat.seat, namespace: seat.control }],
    };
    await apis.rbac.createNamespacedRoleBinding({ namespace, body }).catch(async (error: unknown) => {
      if (!conflict(error)) throw error;
      // A binding's roleRef is immutable, its subjects are not: replace puts both back (a changed roleRef fails loudly).
      await apis.rbac.replaceNamespacedRoleBinding({ name, namespace, body });
    });
  }
}

/**
 * A token for the seat's ServiceAccount from the TokenRequest API, valid until
 * `until` (at least the API's ten minutes from `now`). It is bound to the
 * ServiceAccount: deleting it revokes the token at once.
 */
export async function seatToken(apis: SeatApis, seat: Pick<Seat, 'control' | 'seat'>, until: Date, now = new Date()): Promise<{ token: string; expires: Date }> {
  const seconds = Math.max(MIN_TOKEN_SECONDS, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const review = await apis.core.createNamespacedServiceAccountToken({
    name: seat.seat,
    namespace: seat.control,
    body: { spec: { expirationSeconds: seconds, audiences: [] } },
  });
  const token = review.status?.token;
  if (!token) throw new Error(`TokenRequest for ServiceAccount ${seat.control}/${seat.seat} returned no token`);
  const expires = review.status?.expirationTimestamp ? new Date(review.status.expirationTimestamp) : new Date(now.getTime() + seconds * 1000);
  return { token, expires };
}

/** The `exp` claim of a JWT, as a Date (what the API server will enforce). */
export function tokenExpiry(token: string): Date | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: number };
  return typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined;
}

/**
 * A kubeconfig for one seat: the cluster's server and CA, the seat's token,
 * and its first task namespace as the context's default. Nothing of the
 * instructor's own credentials goes in.
 */
export function seatKubeconfig(options: { workshop: string; seat: string; server: string; certificateAuthorityData?: string; token: string; namespace: string }): string {
  const name = `${options.workshop}-${options.seat}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: options.workshop, cluster: { server: options.server, ...(options.certificateAuthorityData ? { 'certificate-authority-data': options.certificateAuthorityData } : {}) } }],
    users: [{ name, user: { token: options.token } }],
    contexts: [{ name, context: { cluster: options.workshop, user: name, namespace: options.namespace } }],
    'current-context': name,
  });
}
