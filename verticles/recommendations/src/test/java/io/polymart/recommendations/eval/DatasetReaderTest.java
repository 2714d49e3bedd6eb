package io.polymart.recommendations.eval;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetReaderTest {
  private static final Duration GAP = Duration.ofMinutes(30);

  @Test
  void basketLinesAreSpaceSeparatedItemsWithoutUsersOrTimesAndSplitAtRandomBySeed() {
    Dataset dataset = DatasetReader.parse(List.of("a b  c", "", "  b d", "e e f"), GAP);

    assertThat(dataset.timed()).isFalse();
    assertThat(dataset.usersKnown()).isFalse();
    assertThat(dataset.baskets()).extracting(Basket::items)
        .containsExactly(List.of("a", "b", "c"), List.of("b", "d"), List.of("e", "f"));
    assertThat(dataset.catalogue()).containsExactly("a", "b", "c", "d", "e", "f");

    Split split = Split.of(dataset, 0.34, 7);
    assertThat(split.test()).hasSize(1);
    assertThat(split.train()).hasSize(2);
    assertThat(Split.of(dataset, 0.34, 7).test()).isEqualTo(split.test());
    assertThat(split.description()).startsWith("random split");
  }

  @Test
  void csvRowsMakeOneBasketPerUserSessionAndATimeSplitTestsTheLastShareOfTime() {
    Dataset dataset = DatasetReader.parse(List.of(
        "user,item,timestamp",
        "u1,a,1767225600", // 2026-01-01T00:00:00Z in epoch seconds
        "u1,b,1767225600",
        "u2,c,2026-01-01T01:00:00Z",
        "u1,c,1767226500000", // 00:15, epoch milliseconds: same session as a and b
        "u2,d,2026-01-05T00:00:00Z", // days later: a new basket
        "u2,e,2026-01-05T00:10:00Z",
        "u1,f,2026-01-10T00:00:00Z"), GAP);

    assertThat(dataset.timed()).isTrue();
    assertThat(dataset.usersKnown()).isTrue();
    assertThat(dataset.baskets()).extracting(Basket::user, Basket::items).containsExactly(
        org.assertj.core.groups.Tuple.tuple("u1", List.of("a", "b", "c")),
        org.assertj.core.groups.Tuple.tuple("u2", List.of("c")),
        org.assertj.core.groups.Tuple.tuple("u2", List.of("d", "e")),
        org.assertj.core.groups.Tuple.tuple("u1", List.of("f")));
    assertThat(dataset.baskets().get(2).at()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));

    // Nine days from first to last: the last 50 % of the time starts at 2026-01-05T12:00.
    Split split = Split.of(dataset, 0.5, 1);
    assertThat(split.train()).extracting(Basket::items)
        .containsExactly(List.of("a", "b", "c"), List.of("c"), List.of("d", "e"));
    assertThat(split.test()).extracting(Basket::items).containsExactly(List.of("f"));
    assertThat(split.description()).startsWith("time split at 2026-01-05T12:00:00Z");
  }

  @Test
  void aKnownShoppersEarlierBasketsAreTheirHistoryTheMostRecentWeighingMost() {
    Dataset dataset = DatasetReader.parse(List.of(
        "u1,a,2026-01-01T00:00:00Z",
        "u1,b,2026-01-02T00:00:00Z",
        "u1,c,2026-01-10T00:00:00Z", "u1,d,2026-01-10T00:00:00Z",
        "u2,x,2026-01-10T00:00:00Z", "u2,y,2026-01-10T00:00:00Z"), GAP);

    List<TestCase> cases = TestCases.of(dataset, Split.of(dataset, 0.2, 3), 3);

    assertThat(cases).hasSize(2);
    TestCase first = cases.stream().filter(c -> c.user().equals("u1")).findFirst().orElseThrow();
    assertThat(first.history()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("b", 0.5, "a", 0.25));
    assertThat(first.query()).hasSize(1).doesNotContain(first.hidden());
    assertThat(List.of(first.hidden(), first.query().get(0))).containsExactlyInAnyOrder("c", "d");
    assertThat(cases.stream().filter(c -> c.user().equals("u2")).findFirst().orElseThrow().history()).isEmpty();
  }

  @Test
  void aGeneratedLogWrittenAsCsvReadsBackAsTheSameBaskets() throws Exception {
    Dataset generated = ShopLogGenerator.generate(ShopLogGenerator.Settings.defaults(5).withShoppers(30)).dataset();
    StringWriter csv = new StringWriter();
    ShopLogGenerator.writeCsv(generated, csv);
    StringWriter lines = new StringWriter();
    ShopLogGenerator.writeBaskets(generated, lines);

    Dataset fromCsv = DatasetReader.parse(csv.toString().lines().toList(), GAP);
    Dataset fromLines = DatasetReader.parse(lines.toString().lines().toList(), GAP);

    assertThat(fromCsv.baskets()).containsExactlyInAnyOrderElementsOf(generated.baskets());
    assertThat(fromLines.baskets()).extracting(Basket::items)
        .containsExactlyElementsOf(generated.baskets().stream().map(Basket::items).toList());
  }

  @Test
  void aBadTimestampAfterTheHeaderIsAnError() {
    assertThatThrownBy(() -> DatasetReader.parse(List.of("u,a,1767225600", "u,b,yesterday"), GAP))
        .hasMessageContaining("line 2");
  }
}
