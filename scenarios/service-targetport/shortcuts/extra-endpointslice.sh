#!/bin/sh
# Leave Service web as it is and add a hand-made EndpointSlice for it listing today's web pod IPs with port 8080: kube-proxy routes to them, until the pods are replaced.
set -eu
ips=$(kubectl -n "$NS" get pods -l app=web -o jsonpath='{range .items[*]}"{.status.podIP}",{end}' | sed 's/,$//')
kubectl -n "$NS" apply -f - <<YAML
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-by-hand
  labels:
    kubernetes.io/service-name: web
addressType: IPv4
ports:
  - port: 8080
    protocol: TCP
endpoints:
  - addresses: [$ips]
YAML
