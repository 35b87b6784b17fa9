#!/bin/sh
# Re-apply Deployment web with the emptyDir volume and its mount written into the manifest (kubectl apply -f -).
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
          command:
            - sh
            - -c
            - |
              if ! mkdir -p /var/run/web || ! echo "$$" > /var/run/web/web.pid; then
                echo "FATAL: cannot write the pid file /var/run/web/web.pid"
                exit 1
              fi
              echo "web: pid $$ in /var/run/web/web.pid; serving /srv/www on :8080"
              exec httpd -f -p 8080 -h /srv/www
          securityContext:
            readOnlyRootFilesystem: true
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
          volumeMounts:
            - name: www
              mountPath: /srv/www
              readOnly: true
            - name: run
              mountPath: /var/run
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
        - name: run
          emptyDir:
            sizeLimit: 10Mi
YAML
