#!/bin/sh
# Re-apply Deployment web with -f written into its args (kubectl apply -f -).
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: web
          image: busybox:1.36
          command: [httpd]
          args: [-f, -p, "8080", -h, /www]
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
          volumeMounts:
            - name: www
              mountPath: /www
      volumes:
        - name: www
          projected:
            sources:
              - configMap:
                  name: web-content
              - downwardAPI:
                  items:
                    - path: kubedrill-id
                      fieldRef:
                        fieldPath: metadata.uid
YAML
