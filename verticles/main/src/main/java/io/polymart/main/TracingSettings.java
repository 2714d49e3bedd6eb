package io.polymart.main;

import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonObject;

/**
 * Tracing ({@code tracing}): where spans go, OTLP over HTTP ({@code otlpEndpoint}, e.g.
 * {@code http://collector:4318/v1/traces}; empty: tracing off, the default), and the share of requests traced
 * ({@code samplingRatio}, 0 to 1; a request that arrives with a sampled {@code traceparent} is traced whatever it is).
 */
record TracingSettings(String otlpEndpoint, double samplingRatio) {

  static TracingSettings from(JsonObject conf) {
    JsonObject tracing = conf.getJsonObject("tracing");
    Object endpoint = tracing == null ? null : tracing.getValue("otlpEndpoint");
    if (!(endpoint instanceof String url)
        || !(url.isEmpty() || url.startsWith("http://") || url.startsWith("https://"))) {
      throw new ConfigException("Configuration key 'tracing.otlpEndpoint' must be empty or an http(s) URL, got "
          + endpoint);
    }
    Object ratio = tracing.getValue("samplingRatio");
    if (!(ratio instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 1) {
      throw new ConfigException("Configuration key 'tracing.samplingRatio' must be a number from 0 to 1, got " + ratio);
    }
    return new TracingSettings(url, number.doubleValue());
  }

  boolean enabled() {
    return !otlpEndpoint.isEmpty();
  }
}
