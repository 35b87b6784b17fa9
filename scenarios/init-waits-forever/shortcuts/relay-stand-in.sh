#!/bin/sh
# A caching relay behind a new Service db: its pod asks the real database for its uid once, then serves that copy on 5432 forever. wait-for-db logs the genuine uid, but a stand-in answered it (and keeps answering if the database is gone).
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db-relay
spec:
  replicas: 1
  selector:
    matchLabels:
      role: db-relay
  template:
    metadata:
      labels:
        role: db-relay
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: relay
          image: busybox:1.36
          command: ["sh", "-c", "mkdir -p /d && until wget -q -O /d/kubedrill-id http://database:5432/kubedrill-id; do sleep 1; done && exec httpd -f -p 5432 -h /d"]
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector:
    role: db-relay
  ports:
    - port: 5432
      targetPort: 5432
YAML
