# shellcheck shell=bash
# Which instance of the local stack a command works on, sourced by deploy/local/stack, smoke-test and measure.
# Each instance has its own ports, databases, Kafka broker (data dir and topics) and run dir, so that the
# smoke test and the measurements never touch the data of the stack a user runs:
#   SUDIA_INSTANCE=local (default)  the user's stack: ports 8080-8086, Kafka 9092/9093, databases sudia_*
#   SUDIA_INSTANCE=test             the smoke test's: ports 18080-18086, Kafka 18092/18093, databases sudia_smoke_*
#   SUDIA_INSTANCE=measure          deploy/local/measure's: ports 28080-28086, Kafka 28092/28093, sudia_measure_*
# SUDIA_PORT_BASE (gateway; the services take the next ports) and SUDIA_KAFKA_PORT (the controller
# takes the next one, the SMTP server and its API the two after) move an instance's ports.
# Expects $here (deploy/local); sets instance, run, gateway_port, port[], kafka_port, kafka_controller_port,
# smtp_port, smtp_api_port, db_prefix, db_name[], db_names, gateway_url.

instance=${SUDIA_INSTANCE:-local}
case "$instance" in
  local) _port_base=8080 _kafka_port=9092 db_prefix=sudia_ run=$here/.run ;;
  test) _port_base=18080 _kafka_port=18092 db_prefix=sudia_smoke_ run=$here/.run-test ;;
  measure) _port_base=28080 _kafka_port=28092 db_prefix=sudia_measure_ run=$here/.run-measure ;;
  *) printf 'stack: error: SUDIA_INSTANCE is local, test or measure, not %s\n' "$instance" >&2; exit 2 ;;
esac
_port_base=${SUDIA_PORT_BASE:-$_port_base}
kafka_port=${SUDIA_KAFKA_PORT:-$_kafka_port}
kafka_controller_port=$((kafka_port + 1))
# The SMTP server notification-service sends to (GreenMail) and its REST API: the two ports after the broker's.
smtp_port=$((kafka_port + 2))
smtp_api_port=$((kafka_port + 3))
gateway_port=$_port_base
gateway_url=http://127.0.0.1:$gateway_port
services=(directory events funding labels impact notifications)
declare -A module=([directory]=directory-service [events]=events-service
                   [funding]=funding-guichet-service [labels]=label-service
                   [impact]=impact-service [notifications]=notification-service)
declare -A port=([directory]=$((_port_base + 1)) [events]=$((_port_base + 2))
                 [funding]=$((_port_base + 3)) [labels]=$((_port_base + 4))
                 [impact]=$((_port_base + 5)) [notifications]=$((_port_base + 6)))
declare -A db_name=()
db_names=() # in the order of services
for _s in "${services[@]}"; do db_name[$_s]=$db_prefix$_s; db_names+=("$db_prefix$_s"); done
unset _s _port_base _kafka_port
