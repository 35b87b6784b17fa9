#!/bin/sh
# Resize the running pod's limit in place (resize subresource): that pod may survive, but the Deployment still says 64Mi.
set -eu
pod=$(kubectl -n "$NS" get pods -l app=worker -o jsonpath='{.items[0].metadata.name}')
kubectl -n "$NS" patch pod "$pod" --subresource resize \
  -p '{"spec":{"containers":[{"name":"worker","resources":{"requests":{"memory":"160Mi"},"limits":{"memory":"256Mi"}}}]}}'
