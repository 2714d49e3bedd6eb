package io.polymart.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3Proxy (S3 API over HTTP, in-process Jetty) on a free port on 127.0.0.1, storing buckets as directories under
 * {@code dataDir/s3} with the jclouds filesystem blob store. Requests must be signed (AWS v2 or v4) with
 * {@link #ACCESS_KEY}/{@link #SECRET_KEY}.
 */
final class EmbeddedS3 implements AutoCloseable {

  static final String ACCESS_KEY = "polymart";
  static final String SECRET_KEY = "polymart-secret";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);

  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final int port;
  private boolean closed;

  private EmbeddedS3(S3Proxy proxy, BlobStoreContext context, int port) {
    this.proxy = proxy;
    this.context = context;
    this.port = port;
  }

  static EmbeddedS3 start(Path dataDir) {
    Support.quietLoggers("org.gaul", "org.jclouds", "jclouds", "org.eclipse.jetty", "org.gaul.shaded");
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dataDir, e);
    }
    Properties overrides = new Properties();
    overrides.setProperty(FilesystemConstants.PROPERTY_BASEDIR, dataDir.toString());
    BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
        .credentials(ACCESS_KEY, SECRET_KEY)
        .overrides(overrides)
        .modules(List.of(new SLF4JLoggingModule()))
        .build(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://" + Support.HOST + ":0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .jettyMaxThreads(32)
        .build();
    try {
      proxy.start();
    } catch (Exception e) {
      stopQuietly(proxy);
      context.close();
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    int port = proxy.getPort();
    LOG.info("S3 embedded (s3proxy), listening on {}:{} (data: {})", Support.HOST, port, dataDir);
    return new EmbeddedS3(proxy, context, port);
  }

  int port() {
    return port;
  }

  S3Endpoint endpoint() {
    return new S3Endpoint("http://" + Support.HOST + ":" + port, ACCESS_KEY, SECRET_KEY);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopQuietly(proxy);
    context.close();
    LOG.debug("S3 on port {} stopped", port);
  }

  private static void stopQuietly(S3Proxy proxy) {
    try {
      proxy.stop();
    } catch (Exception e) {
      LOG.warn("Could not stop S3Proxy cleanly", e);
    }
  }
}
