#!/bin/sh
# Do the fix, then label the second app pod (by name) and give that label its own allow-all egress policy: the first app pod is still blocked from metrics and legacy-db, the second reaches both.
set -eu
sh "$(dirname "$0")/../solution.sh"
pod=$(kubectl -n "$NS" get pods -l app=app -o name | sort | tail -n 1)
kubectl -n "$NS" label "$pod" debug=open
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: app-debug-open
spec:
  podSelector:
    matchLabels:
      app: app
      debug: open
  policyTypes: [Egress]
  egress:
    - {}
YAML
