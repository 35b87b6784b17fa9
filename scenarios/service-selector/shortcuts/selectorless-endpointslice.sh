#!/bin/sh
# Drop Service web's selector and feed it by hand: an EndpointSlice listing today's webapp pod IPs. It answers until those pods are replaced.
set -eu
ips=$(kubectl -n "$NS" get pods -l app=webapp -o jsonpath='{range .items[*]}"{.status.podIP}",{end}' | sed 's/,$//')
kubectl -n "$NS" patch service web --type=json -p '[{"op": "remove", "path": "/spec/selector"}]'
kubectl -n "$NS" apply -f - <<YAML
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-manual
  labels:
    kubernetes.io/service-name: web
addressType: IPv4
ports:
  - port: 8080
    protocol: TCP
endpoints:
  - addresses: [$ips]
YAML
