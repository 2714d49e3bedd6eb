package io.polymart.main;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.MicrometerMetricsFactory;

/**
 * Vert.x's Micrometer metrics, with each event-bus address named as it is counted ({@link NodeMetrics#countedAddress})
 * before Vert.x looks its meters up. Micrometer keeps a meter found by the name and tags it was asked for only when no
 * filter maps another name onto the same meter; a filter that did (every user's live-update address, a handler's
 * same-loop addresses) made each of the 3 or 4 lookups of every message run the registry's filters again.
 */
final class NodeMetricsFactory implements VertxMetricsFactory {
  private final MicrometerMetricsFactory micrometer;

  NodeMetricsFactory(MeterRegistry registry) {
    this.micrometer = new MicrometerMetricsFactory(registry);
  }

  @Override
  public VertxMetrics metrics(VertxOptions options) {
    return new CountedAddressMetrics(micrometer.metrics(options));
  }

  @Override
  public MetricsOptions newOptions() {
    return micrometer.newOptions();
  }

  @Override
  public MetricsOptions newOptions(MetricsOptions options) {
    return micrometer.newOptions(options);
  }

  @Override
  public MetricsOptions newOptions(JsonObject json) {
    return micrometer.newOptions(json);
  }

  /** Micrometer's metrics as they are, but the event bus's. */
  private record CountedAddressMetrics(VertxMetrics metrics) implements VertxMetrics {
    @Override
    public EventBusMetrics<?> createEventBusMetrics() {
      EventBusMetrics<?> eventBus = metrics.createEventBusMetrics();
      return eventBus == null ? null : new CountedAddresses<>(eventBus);
    }

    @Override
    public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress localAddress) {
      return metrics.createHttpServerMetrics(options, localAddress);
    }

    @Override
    public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remoteAddress, String type, String namespace) {
      return metrics.createClientMetrics(remoteAddress, type, namespace);
    }

    @Override
    public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
      return metrics.createHttpClientMetrics(options);
    }

    @Override
    public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress localAddress) {
      return metrics.createNetServerMetrics(options, localAddress);
    }

    @Override
    public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
      return metrics.createNetClientMetrics(options);
    }

    @Override
    public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
      return metrics.createDatagramSocketMetrics(options);
    }

    @Override
    public PoolMetrics<?, ?> createPoolMetrics(String type, String name, int maxSize) {
      return metrics.createPoolMetrics(type, name, maxSize);
    }

    @Override
    public void vertxCreated(Vertx vertx) {
      metrics.vertxCreated(vertx);
    }

    @Override
    public boolean isMetricsEnabled() {
      return metrics.isMetricsEnabled();
    }

    @Override
    public void close() {
      metrics.close();
    }
  }

  /** The event bus's metrics, told each address as it is counted. */
  private record CountedAddresses<H>(EventBusMetrics<H> metrics) implements EventBusMetrics<H> {
    @Override
    public H handlerRegistered(String address) {
      return metrics.handlerRegistered(NodeMetrics.countedAddress(address));
    }

    @Override
    public void handlerUnregistered(H handler) {
      metrics.handlerUnregistered(handler);
    }

    @Override
    public void scheduleMessage(H handler, boolean local) {
      metrics.scheduleMessage(handler, local);
    }

    @Override
    public void discardMessage(H handler, boolean local, Message<?> message) {
      metrics.discardMessage(handler, local, message);
    }

    @Override
    public void messageDelivered(H handler, boolean local) {
      metrics.messageDelivered(handler, local);
    }

    @Override
    public void messageSent(String address, boolean publish, boolean local, boolean remote) {
      metrics.messageSent(NodeMetrics.countedAddress(address), publish, local, remote);
    }

    @Override
    public void messageReceived(String address, boolean publish, boolean local, int handlers) {
      metrics.messageReceived(NodeMetrics.countedAddress(address), publish, local, handlers);
    }

    @Override
    public void messageWritten(String address, int numberOfBytes) {
      metrics.messageWritten(NodeMetrics.countedAddress(address), numberOfBytes);
    }

    @Override
    public void messageRead(String address, int numberOfBytes) {
      metrics.messageRead(NodeMetrics.countedAddress(address), numberOfBytes);
    }

    @Override
    public void replyFailure(String address, ReplyFailure failure) {
      metrics.replyFailure(NodeMetrics.countedAddress(address), failure);
    }

    @Override
    public void close() {
      metrics.close();
    }
  }
}
