#!/bin/sh
# Do the fix, then add a hand-made pod labelled app=web with a writable root: Service web sends it traffic, and its root filesystem is not read-only.
set -eu
sh "$(dirname "$0")/../solution.sh"
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web-extra
  labels:
    app: web
spec:
  terminationGracePeriodSeconds: 2
  containers:
    - name: web
      image: busybox:1.36
      command: ["sh", "-c", "mkdir -p /var/run/web /srv/www && echo \"$$\" > /var/run/web/web.pid && echo web > /srv/www/index.html && exec httpd -f -p 8080 -h /srv/www"]
      ports:
        - containerPort: 8080
      readinessProbe:
        httpGet:
          path: /
          port: 8080
        periodSeconds: 2
YAML
