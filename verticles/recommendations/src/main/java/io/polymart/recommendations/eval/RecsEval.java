package io.polymart.recommendations.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The offline evaluation's command line (run by {@code bench/recs-eval}): evaluates a data set file, or a generated shop
 * log, and prints one table of HR@k, NDCG@k and catalogue coverage for popularity, item-to-item and personalised.
 */
public final class RecsEval {
  private static final String USAGE = """
      usage: RecsEval [options] <file>        basket lines (item ids separated by spaces) or CSV user,item,timestamp
             RecsEval [options] --generate    a seeded shop log with planted structure (ShopLogGenerator)
      options:
        --seed N                  split, hidden items and generator (default 42)
        --test-share X            last X of the time span, or X of the baskets when there are no times (default 0.2)
        --k N                     list length (default 10)
        --session-gap-minutes N   CSV rows of a user further apart start a new basket (default 30)
        --half-life-days D        learn with forward decay of that half-life (timed data only; default: no decay)
        --format csv|baskets      generated log with users and times (default) or as bare basket lines
        --shoppers N              generated shoppers (default 400)
        --write FILE              also write the generated log (CSV if --format csv, else basket lines)
      """;

  private RecsEval() {
  }

  public static void main(String[] args) throws IOException {
    long seed = 42;
    double testShare = 0.2;
    int k = 10;
    Duration sessionGap = Duration.ofMinutes(30);
    Duration halfLife = null;
    boolean generate = false;
    String format = "csv";
    int shoppers = ShopLogGenerator.Settings.defaults(seed).shoppers();
    Path write = null;
    Path file = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--test-share" -> testShare = Double.parseDouble(args[++i]);
          case "--k" -> k = Integer.parseInt(args[++i]);
          case "--session-gap-minutes" -> sessionGap = Duration.ofMinutes(Long.parseLong(args[++i]));
          case "--half-life-days" -> halfLife = Duration.ofSeconds(Math.round(Double.parseDouble(args[++i]) * 86400));
          case "--generate" -> generate = true;
          case "--format" -> format = args[++i];
          case "--shoppers" -> shoppers = Integer.parseInt(args[++i]);
          case "--write" -> write = Path.of(args[++i]);
          case "-h", "--help" -> {
            System.out.print(USAGE);
            return;
          }
          default -> {
            if (args[i].startsWith("--") || file != null) {
              throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            file = Path.of(args[i]);
          }
        }
      }
      if (generate == (file != null) || !(format.equals("csv") || format.equals("baskets"))) {
        throw new IllegalArgumentException("give either a file or --generate (and --format csv|baskets)");
      }
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }

    Dataset dataset;
    String source;
    if (generate) {
      ShopLogGenerator.ShopLog log = ShopLogGenerator.generate(ShopLogGenerator.Settings.defaults(seed)
          .withShoppers(shoppers));
      boolean csv = format.equals("csv");
      dataset = csv ? log.dataset() : ShopLogGenerator.basketsOnly(log.dataset());
      source = "generated shop log, seed " + seed + ", " + shoppers + " shoppers, " + log.clusters().size()
          + " planted clusters, " + log.bestSellers().size() + " best-sellers";
      if (write != null) {
        try (Writer out = Files.newBufferedWriter(write)) {
          if (csv) {
            ShopLogGenerator.writeCsv(dataset, out);
          } else {
            ShopLogGenerator.writeBaskets(dataset, out);
          }
        }
      }
    } else {
      dataset = DatasetReader.read(file, sessionGap);
      source = file.getFileName().toString();
    }
    if (dataset.baskets().isEmpty()) {
      System.err.println("no baskets in " + source);
      System.exit(1);
    }
    System.out.print(Evaluation.run(source, dataset, testShare, seed, k, halfLife).table());
  }
}
