#!/bin/sh
# Delete Service web and create it again from Deployment webapp (kubectl expose takes its selector, app=webapp), on port 8080.
set -eu
kubectl -n "$NS" delete service web
kubectl -n "$NS" expose deployment webapp --name web --port 8080
