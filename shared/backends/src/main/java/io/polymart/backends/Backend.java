package io.polymart.backends;

/** The backends that {@link EmbeddedBackends} can start in-process or as local child processes. */
public enum Backend {
  POSTGRES,
  REDIS,
  KAFKA,
  MONGO,
  S3
}
