package io.polymart.main;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.polymart.core.bus.SameLoopAddresses;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.util.concurrent.TimeUnit;

/**
 * A node's OpenTelemetry: spans batched to an exporter (OTLP per {@code tracing.otlpEndpoint}, or one an embedding
 * program gives), sampled at {@code tracing.samplingRatio} unless the caller's {@code traceparent} decided already,
 * W3C trace context on HTTP, the event bus and Kafka. Vert.x's tracer makes the spans of HTTP requests, event-bus
 * requests, PostgreSQL and Redis calls; the outbox and the event consumers carry the context through Kafka.
 */
final class NodeTracing {
  private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  /** An event-bus span names the address a request was sent to, not the same-loop address it took. */
  private static final SpanProcessor SAME_LOOP_DESTINATIONS = new SpanProcessor() {
    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
      String destination = span.getAttribute(DESTINATION);
      if (destination != null) {
        String address = SameLoopAddresses.addressOf(destination);
        if (!address.equals(destination)) {
          span.setAttribute(DESTINATION, address);
        }
      }
    }

    @Override
    public boolean isStartRequired() {
      return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
      return false;
    }
  };
  private final OpenTelemetrySdk sdk;

  private NodeTracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
  }

  /**
   * Registers the context storage of Vert.x's OpenTelemetry tracing (the OpenTelemetry context of a request lives on
   * its Vert.x context), which must happen before the first Vert.x instance whose contexts hold it is created:
   * OpenTelemetry reads it whenever the library is on the class path, traced or not.
   */
  static void prepareStorage() {
    new OpenTelemetryTracingFactory(OpenTelemetry.noop());
  }

  /** @param exporter where spans go, or null for OTLP to the configured endpoint */
  static NodeTracing start(TracingSettings settings, SpanExporter exporter) {
    SpanExporter spans = exporter != null ? exporter
        : OtlpHttpSpanExporter.builder().setEndpoint(settings.otlpEndpoint()).build();
    SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), "polymart"))))
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.samplingRatio())))
        .addSpanProcessor(SAME_LOOP_DESTINATIONS)
        .addSpanProcessor(BatchSpanProcessor.builder(spans).build())
        .build();
    return new NodeTracing(OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build());
  }

  VertxTracerFactory tracerFactory() {
    return new OpenTelemetryTracingFactory(sdk);
  }

  /** Sends what is still batched, then stops. */
  void stop() {
    sdk.shutdown().join(10, TimeUnit.SECONDS);
  }
}
