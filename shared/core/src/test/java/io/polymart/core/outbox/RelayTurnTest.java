package io.polymart.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RelayTurnTest {

  @Test
  void oneRelayHoldsTheTurnAndASiblingsWakeUpAsksItForAnotherRound() {
    RelayTurn turn = new RelayTurn(TimeUnit.MINUTES.toNanos(1));
    RelayTurn.Held held = turn.take();
    assertThat(held).isNotNull();
    assertThat(turn.release(held)).as("nobody else was woken up").isFalse();

    held = turn.take();
    assertThat(turn.take()).as("held by the first").isNull();
    assertThat(turn.release(held)).as("the second was woken up meanwhile").isTrue();
    RelayTurn.Held next = turn.take();
    assertThat(next).isNotNull();
    assertThat(turn.release(next)).as("taking the turn covers the wake-ups before it").isFalse();
  }

  @Test
  void aTurnHeldTooLongIsTakenOverAndTheStaleHoldersReleaseLeavesTheNewOne() throws InterruptedException {
    RelayTurn turn = new RelayTurn(TimeUnit.MILLISECONDS.toNanos(50));
    RelayTurn.Held stuck = turn.take();
    assertThat(turn.take()).isNull();
    Thread.sleep(60);
    RelayTurn.Held taken = turn.take();
    assertThat(taken).isNotNull();
    turn.release(stuck);
    assertThat(turn.take()).as("still the second's").isNull();
    turn.release(taken);
    assertThat(turn.take()).isNotNull();
  }
}
