#!/bin/sh
# Add a selectorless Service backend to dns-client and feed its EndpointSlice today's backend pod IP by hand: the bare name reaches the genuine pod until it is replaced.
set -eu
ip=$(kubectl -n "$NS_SERVER" get pods -l app=backend -o jsonpath='{.items[0].status.podIP}')
kubectl -n "$NS" apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: backend
spec:
  ports:
    - name: http
      port: 8080
      targetPort: 8080
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: backend-by-hand
  labels:
    kubernetes.io/service-name: backend
addressType: IPv4
ports:
  - name: http
    port: 8080
    protocol: TCP
endpoints:
  - addresses: ["$ip"]
YAML
