package io.polymart.core.config;

/** A configuration value that is unknown, ill-typed or missing; the message names the key. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
