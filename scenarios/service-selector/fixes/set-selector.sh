#!/bin/sh
# kubectl set selector: replace Service web's whole selector with app=webapp.
set -eu
kubectl -n "$NS" set selector service web app=webapp
