package io.polymart.main;

import io.polymart.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {
  @Test
  void confAndDemoInAnyOrder() {
    Main.CommandLine line = Main.CommandLine.parse(new String[] {"--demo", "--conf", "my.json"});
    assertThat(line.confFile()).contains(Path.of("my.json"));
    assertThat(line.demo()).isTrue();
    assertThat(line.exitWhenUp()).isFalse();
    assertThat(Main.CommandLine.parse(new String[] {"--conf=x.json"}).demo()).isFalse();
    assertThat(Main.CommandLine.parse(new String[] {"--exit-when-up", "--demo"}).exitWhenUp()).isTrue();
  }

  @Test
  void demoFlagTurnsOnTheDemoCatalog() {
    var config = Main.CommandLine.parse(new String[] {"--demo"}).apply(ConfigLoader.defaults());
    assertThat(config.getJsonObject("catalog").getJsonObject("demo").getBoolean("enabled")).isTrue();
    assertThat(config.getJsonObject("reviews").getJsonObject("demo").getBoolean("enabled")).isTrue();
    assertThat(config.getJsonObject("recommendations").getJsonObject("demo").getBoolean("enabled")).isTrue();
  }

  @Test
  void unknownArgumentsAndAMissingFileNameAreRefused() {
    assertThatThrownBy(() -> Main.CommandLine.parse(new String[] {"--dmeo"}))
        .hasMessageContaining("Unknown argument '--dmeo'").hasMessageContaining("--demo");
    assertThatThrownBy(() -> Main.CommandLine.parse(new String[] {"--conf"})).hasMessageContaining("--conf needs");
  }
}
