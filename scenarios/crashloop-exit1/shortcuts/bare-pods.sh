#!/bin/sh
# Scale api to 0 and start two hand-made pods labelled app=api: they are not the Deployment's replicas.
set -eu
kubectl -n "$NS" scale deployment api --replicas=0
for n in 1 2; do
  kubectl -n "$NS" apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: api-manual-$n
  labels:
    app: api
spec:
  terminationGracePeriodSeconds: 2
  containers:
    - name: api
      image: busybox:1.36
      env:
        - name: REDIS_HOST
          value: redis
      command: ["sh", "-c", "mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www"]
      ports:
        - containerPort: 8080
YAML
done
