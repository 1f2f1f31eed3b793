/** Prometheus metrics, one registry per app instance (several can live in one test process). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Histogram({
    name: 'cartback_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });
  readonly events = new Counter({ name: 'cartback_events_ingested_total', help: 'events stored, by result', labelNames: ['result'], registers: [this.registry] });
  readonly applied = new Counter({ name: 'cartback_events_applied_total', help: 'events the applier applied in this process', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'cartback_' });
  }

  observeRequest(req: FastifyRequest, reply: FastifyReply): void {
    this.requests.observe({ method: req.method, route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  }
}
