package io.polymart.main.node;

import io.polymart.core.audit.AuditActor;
import io.polymart.core.audit.AuditRecorded;
import io.polymart.core.error.ServiceException;
import io.polymart.core.outbox.RelayProducer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Records a run-time scaling in the audit trail. A deployment has no transaction to write an outbox event in, so the
 * {@code AuditRecorded} event goes straight to {@code polymart.audit} (acknowledged by every in-sync replica, like the
 * relays' records), and the change is acknowledged only after it: the users verticle keeps it as the others' entries.
 */
final class ScalingAudit {
  static final String ACTION = "platform.scale";
  private static final Logger LOG = LoggerFactory.getLogger(ScalingAudit.class);
  private final RelayProducer producer;

  ScalingAudit(RelayProducer producer) {
    this.producer = producer;
  }

  /**
   * @param change the node's answer: {@code node}, {@code name}, {@code previousInstances}, {@code instances}
   * @return {@code change} once recorded (nothing is, when the count did not change); a 503 if the entry could not be written (the change is made: the same
   *     request sent again records it)
   */
  Future<JsonObject> record(AuditActor actor, JsonObject change) {
    if (change.getInteger("previousInstances").equals(change.getInteger("instances"))) {
      return Future.succeededFuture(change);
    }
    String target = "node:" + change.getString("node") + "/verticle:" + change.getString("name");
    JsonObject event = AuditRecorded.envelope(actor, ACTION, target,
        new JsonObject().put("instances", change.getInteger("previousInstances")),
        new JsonObject().put("instances", change.getInteger("instances")));
    return producer.ready()
        .compose(kafka -> kafka.send(KafkaProducerRecord.create(AuditRecorded.TOPIC, target, event.encode())))
        .map(change)
        .recover(failure -> {
          producer.drop();
          LOG.error("Scaled, but the audit entry could not be written: {} ({})", event.encode(), failure.toString());
          return Future.failedFuture(ServiceException.unavailable());
        });
  }

  Future<Void> close() {
    return producer.close(1_000);
  }
}
