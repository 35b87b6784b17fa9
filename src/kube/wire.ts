import { loadYaml } from '@kubernetes/client-node';
import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * A manifest object as the client's typed model, ready for KubernetesObjectApi.
 * The client serializes a body by its model's attribute names, and a few
 * differ from the wire names (a NetworkPolicy ingress rule's `from` is
 * `_from`): a plain object from YAML would lose those fields on the way out.
 * Deserializing first (JSON is YAML) makes the round trip restore them.
 */
export function typedForClient<T extends KubernetesObject>(object: T): T {
  return loadYaml<T>(JSON.stringify(object));
}
