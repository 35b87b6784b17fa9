#!/bin/sh
# Re-apply Deployment api with a memory request of 40Mi: the rollout's peak, 2 old pods and 2 new (2 x 100Mi + 2 x 40Mi), uses exactly the 280Mi quota.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    app: api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: api
          image: busybox:1.36
          command:
            - sh
            - -c
            - |
              mkdir -p /www && echo "api: ok" > /www/index.html
              echo "api: serving on :8080"
              exec httpd -f -p 8080 -h /www
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 5m
              memory: 40Mi
            limits:
              memory: 128Mi
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
YAML
