#!/bin/sh
# Start a bare pod labelled app=web whose port is named http: Service web finds the name on it and sends every request there, not to Deployment web.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web-stand-in
  labels:
    app: web
spec:
  terminationGracePeriodSeconds: 2
  containers:
    - name: web
      image: busybox:1.36
      command: ["sh", "-c", "mkdir -p /www && echo ok > /www/index.html && echo \"$POD_UID\" > /www/kubedrill-id && exec httpd -f -p 8080 -h /www"]
      env:
        - name: POD_UID
          valueFrom:
            fieldRef:
              fieldPath: metadata.uid
      ports:
        - name: http
          containerPort: 8080
YAML
