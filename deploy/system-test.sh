#!/usr/bin/env bash
# The system test, against the system deploy/run.sh started (CI runs it after the smoke test):
# 1. loads the Zhangye 2015 demo (deploy/demo.sh) and checks the city's 2015 report against the
#    article and every county against the demo's own tally; 2. rebuilds the reports from the topics
#    and checks them again; 3. under a second stream of writes, kill -9 reporting-service, the Kafka
#    broker (20 s), relief-service during approvals, members-service during registrations, restarts
#    PostgreSQL (MEMBERAID_PG_RESTART, default pg_ctlcluster), and, idle, reads every write back and
#    checks the funds and the reports against the registry and the ledger. Prints each figure it
#    checked and how long each step took; exits non-zero on any difference. It kills and restarts
#    processes of the running system: never point it at one that serves real users.
# Usage: deploy/system-test.sh [--steps demo,rebuild,crash] [--outage 20s] [--rate 40] [--seed N]
exec "$(dirname "${BASH_SOURCE[0]}")/loadgen.sh" system "$@"
