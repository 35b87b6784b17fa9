#!/bin/sh
# Give the database pods the name the app expects: a second Service db selecting them (kubectl expose); the waiting pods' loop finds it without a restart.
set -eu
kubectl -n "$NS" expose deployment database --name db --port 5432
