#!/usr/bin/env bash
# Loads the Zhangye 2015 demo into the running system and checks its 2015 reports (deploy/loadgen/README.md, "The demo").
exec "$(dirname "${BASH_SOURCE[0]}")/loadgen.sh" demo "$@"
