package io.polymart.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ActivityRecordsTest {

  private final List<ActivityRecords.Closed> sent = new ArrayList<>();
  private final ActivityRecords records = new ActivityRecords(sent::add);

  @Test
  void aRoundBecomesOneArrayPerPartitionInTheOrderTheEventsCame() {
    records.add(1, envelope(0));
    records.add(0, envelope(1));
    records.add(1, envelope(2));
    assertThat(sent).as("nothing before the round is over").isEmpty();
    records.closeAll();
    assertThat(sent).hasSize(2);
    ActivityRecords.Closed one = sent.stream().filter(r -> r.partition() == 1).findFirst().orElseThrow();
    assertThat(one.events()).isEqualTo(2);
    assertThat(seqs(one)).containsExactly(0, 2);
    assertThat(seqs(sent.stream().filter(r -> r.partition() == 0).findFirst().orElseThrow())).containsExactly(1);

    sent.clear();
    records.closeAll();
    assertThat(sent).as("an empty round sends nothing").isEmpty();
  }

  @Test
  void aRecordClosesAtItsEventOrSizeCap() {
    for (int i = 0; i < ActivityRecords.MAX_EVENTS + 1; i++) {
      records.add(0, envelope(i));
    }
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).events()).isEqualTo(ActivityRecords.MAX_EVENTS);
    records.closeAll();
    assertThat(seqs(sent.get(1))).containsExactly(ActivityRecords.MAX_EVENTS);

    sent.clear();
    String large = new JsonObject().put("type", "T").put("pad", "x".repeat(ActivityRecords.MAX_CHARS / 3)).encode();
    records.add(2, large);
    records.add(2, large);
    records.add(2, large);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).events()).isEqualTo(3);
    assertThat(new JsonArray(sent.get(0).value())).hasSize(3);
  }

  @Test
  void aShoppersPartitionIsTheOneKafkaGivesTheirKey() {
    for (String shopper : List.of("bench-visitor-000001", "0b7f5b36-8f8e-4a4f-9a50-6f8a0c1d2e3f", "v")) {
      for (int partitions : new int[] {1, 3, 12}) {
        assertThat(ActivityRecords.partitionOf(shopper, partitions)).isEqualTo(
            BuiltInPartitioner.partitionForKey(shopper.getBytes(StandardCharsets.UTF_8), partitions));
      }
    }
  }

  private static String envelope(int seq) {
    return new JsonObject().put("type", "ProductViewed").put("id", "e-" + seq).put("seq", seq).encode();
  }

  private static List<Integer> seqs(ActivityRecords.Closed record) {
    return new JsonArray(record.value()).stream().map(e -> ((JsonObject) e).getInteger("seq")).toList();
  }
}
