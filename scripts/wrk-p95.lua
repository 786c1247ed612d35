-- wrk reports p50/p75/p90/p99; the targets speak of p95. Non-2xx answers are counted too,
-- so that a redirect to the sign-in page cannot pass for a fast list page.
function done(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50: %.1f ms  p95: %.1f ms  p99: %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("non-2xx or 3xx: %d, errors: %d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
