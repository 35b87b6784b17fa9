#!/bin/sh
# Start a hand-made pod labelled app=web that serves the site with a probe of /: Service web gets a ready endpoint, but it is not a pod of Deployment web, whose pods stay not Ready.
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
      command: [httpd, -f, -p, "8080", -h, /www]
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
