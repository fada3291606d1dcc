/**
 * The admin HTTP listener: {@code GET /health} (200 when ready, 503 when not, e.g. while the
 * cluster's Redis is unreachable or the server is stopping) and {@code GET /metrics}
 * (Prometheus text: {@code tether_connections}, {@code tether_jstp_sessions},
 * {@code tether_ready}, {@code tether_actions_total}, {@code tether_action_duration_seconds}, …). Off unless {@code tether.admin.port}
 * (or {@code --admin-port}) is set.
 *
 * <pre>{@code
 * ./tether run --admin-port 9090
 * curl -s localhost:9090/health; curl -s localhost:9090/metrics
 * }</pre>
 */
package io.tether.app.admin;
