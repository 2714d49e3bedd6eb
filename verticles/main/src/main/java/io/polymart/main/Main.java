package io.polymart.main;

import ch.qos.logback.classic.LoggerContext;
import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.polymart.core.config.ConfigRules;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -jar polymart.jar [--conf FILE] [--demo] [--exit-when-up]}: loads conf, starts embedded backends where
 * conf names none, deploys the platform, and on SIGTERM or Ctrl-C (or at once with {@code --exit-when-up}) stops the
 * HTTP server, then the verticles, then the backends.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    long started = System.nanoTime();
    JsonObject config;
    CommandLine commandLine;
    try {
      commandLine = CommandLine.parse(args);
      config = ModuleSettings.check(
          ConfigRules.check(commandLine.apply(ConfigLoader.load(commandLine.confFile(), System.getenv()))));
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("polymart: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (LoggingSettings.from(config).json()) {
      JsonLogLines.use();
    }
    // One hook does everything at exit, in order: stop the platform, then the backends, then flush the log.
    // Registered first, so a SIGTERM during start-up still stops the backends and an early failure is still logged.
    AtomicReference<LocalRuntime> runtime = new AtomicReference<>();
    AtomicReference<Platform> platform = new AtomicReference<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(platform, runtime), "polymart-shutdown"));
    try {
      runtime.set(LocalRuntime.prepare(config, true));
    } catch (IllegalStateException e) {
      LOG.error("Cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    } catch (Exception e) {
      LOG.error("Cannot start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    try {
      platform.set(Platform.start(config));
    } catch (Exception e) {
      LOG.error("Cannot start the platform: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    JsonObject http = config.getJsonObject("http");
    LOG.info("Polymart is up on http://{}:{} in {} ms ({} mode, data in {})", http.getString("host"),
        http.getInteger("port"), (System.nanoTime() - started) / 1_000_000, config.getString("mode"),
        config.getString("dataDir"));
    if (commandLine.exitWhenUp()) {
      System.exit(0);
    }
  }

  private static void stop(AtomicReference<Platform> platform, AtomicReference<LocalRuntime> runtime) {
    LocalRuntime backends = runtime.getAndSet(null);
    if (backends != null) {
      LOG.info("Stopping Polymart");
      Platform running = platform.getAndSet(null);
      if (running != null) {
        running.stop();
      }
      backends.close();
      LOG.info("Polymart stopped");
    }
    // Logback's own shutdown hook would run alongside this one and drop lines: flush here, last.
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
      logging.stop();
    }
  }

  /**
   * {@code [--conf FILE] [--demo] [--exit-when-up]}; the last stops the platform as soon as it is up, which checks a
   * conf and its backends, and is how the build records the classes a start loads (target/polymart.jsa).
   */
  record CommandLine(Optional<Path> confFile, boolean demo, boolean exitWhenUp) {
    static final String USAGE = "Usage: java -jar polymart.jar [--conf FILE] [--demo] [--exit-when-up]";

    static CommandLine parse(String[] args) {
      Optional<Path> conf = Optional.empty();
      boolean demo = false;
      boolean exitWhenUp = false;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--conf")) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--conf needs a file name");
          }
          conf = Optional.of(Path.of(args[++i]));
        } else if (args[i].startsWith("--conf=")) {
          conf = Optional.of(Path.of(args[i].substring("--conf=".length())));
        } else if (args[i].equals("--demo")) {
          demo = true;
        } else if (args[i].equals("--exit-when-up")) {
          exitWhenUp = true;
        } else {
          throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. " + USAGE);
        }
      }
      return new CommandLine(conf, demo, exitWhenUp);
    }

    /**
     * {@code --demo} is the same as {@code catalog.demo.enabled: true}, {@code reviews.demo.enabled: true} and
     * {@code recommendations.demo.enabled: true}.
     */
    JsonObject apply(JsonObject config) {
      if (demo) {
        config.getJsonObject("catalog").getJsonObject("demo").put("enabled", true);
        config.getJsonObject("reviews").getJsonObject("demo").put("enabled", true);
        config.getJsonObject("recommendations").getJsonObject("demo").put("enabled", true);
      }
      return config;
    }
  }
}
