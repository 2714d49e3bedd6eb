package io.polymart.core.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadReplicasLsnTest {

  @Test
  void aWalPositionIsItsTwoHexadecimalHalvesAsOneNumber() {
    assertThat(ReadReplicas.lsn("0/0")).isZero();
    assertThat(ReadReplicas.lsn("0/16B3748")).isEqualTo(0x16B3748L);
    assertThat(ReadReplicas.lsn("16/B374D848")).isEqualTo((0x16L << 32) | 0xB374D848L);
    assertThat(ReadReplicas.lsn("1/0")).isGreaterThan(ReadReplicas.lsn("0/FFFFFFFF"));
  }
}
