#!/bin/sh
# A Service db without a selector, fed by hand with an EndpointSlice naming today's database pod IP: the name resolves and the real database answers, until that pod is replaced.
set -eu
ip=$(kubectl -n "$NS" get pods -l app=database -o jsonpath='{.items[0].status.podIP}')
kubectl -n "$NS" apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  ports:
    - name: db
      port: 5432
      targetPort: 5432
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: db-manual
  labels:
    kubernetes.io/service-name: db
addressType: IPv4
ports:
  - name: db
    port: 5432
    protocol: TCP
endpoints:
  - addresses: ["$ip"]
YAML
