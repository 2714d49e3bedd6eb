package io.polymart.recommendations.eval;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seeded shop logs with planted structure, to check that the strategies find what is there:
 * <ul>
 *   <li>clusters of 3 to 7 products bought together (a basket takes 2 to 4 products of one cluster, sometimes a
 *   second cluster's too): every pair inside a cluster is a planted pair;</li>
 *   <li>themes of clusters and shoppers with tastes: each shopper prefers one or two themes and picks most baskets'
 *   clusters in them;</li>
 *   <li>best-sellers that land in any basket with a high probability, falling off with rank, so popularity is a real
 *   competitor;</li>
 *   <li>noise: now and then a product picked uniformly from the whole catalogue (long-tail products only come so).</li>
 * </ul>
 * Product ids are a seeded shuffle, so neither the id order nor a tie-break by id gives the structure away.
 */
public final class ShopLogGenerator {
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  public record Settings(long seed, int shoppers, int meanBaskets, int clusters, int themes, int bestSellers,
      int longTail, double tasteShare, double secondClusterShare, double noiseShare, int days) {
    public static Settings defaults(long seed) {
      return new Settings(seed, 400, 8, 60, 10, 20, 180, 0.8, 0.25, 0.3, 120);
    }

    public Settings withShoppers(int count) {
      return new Settings(seed, count, meanBaskets, clusters, themes, bestSellers, longTail, tasteShare,
          secondClusterShare, noiseShare, days);
    }
  }

  /** The log, and what was planted in it. */
  public record ShopLog(Dataset dataset, List<List<String>> clusters, List<String> bestSellers) {
  }

  private ShopLogGenerator() {
  }

  public static ShopLog generate(Settings settings) {
    Random random = new Random(settings.seed());
    List<List<Integer>> clusterSlots = new ArrayList<>();
    int slots = settings.bestSellers();
    for (int c = 0; c < settings.clusters(); c++) {
      int size = 3 + random.nextInt(5);
      List<Integer> cluster = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        cluster.add(slots++);
      }
      clusterSlots.add(cluster);
    }
    int catalogue = slots + settings.longTail();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < catalogue; i++) {
      ids.add("p" + (1000 + i));
    }
    Collections.shuffle(ids, random);

    List<String> bestSellers = ids.subList(0, settings.bestSellers());
    List<List<String>> clusters = clusterSlots.stream().map(cluster -> cluster.stream().map(ids::get).toList()).toList();
    List<Basket> baskets = new ArrayList<>();
    for (int s = 0; s < settings.shoppers(); s++) {
      String shopper = "u" + s;
      Set<Integer> tastes = new TreeSet<>();
      tastes.add(random.nextInt(settings.themes()));
      if (random.nextBoolean()) {
        tastes.add(random.nextInt(settings.themes()));
      }
      List<Integer> liked = new ArrayList<>();
      for (int c = 0; c < clusters.size(); c++) {
        if (tastes.contains(c % settings.themes())) {
          liked.add(c);
        }
      }
      int count = 1 + random.nextInt(2 * settings.meanBaskets() - 1);
      List<Integer> days = new ArrayList<>();
      for (int d = 0; d < settings.days(); d++) {
        days.add(d);
      }
      Collections.shuffle(days, random);
      for (int b = 0; b < Math.min(count, days.size()); b++) {
        Set<String> items = new LinkedHashSet<>();
        addFromCluster(items, clusters, liked, settings, random, 2 + random.nextInt(3));
        if (random.nextDouble() < settings.secondClusterShare()) {
          addFromCluster(items, clusters, liked, settings, random, 1 + random.nextInt(2));
        }
        for (int rank = 0; rank < bestSellers.size(); rank++) {
          if (random.nextDouble() < 0.3 / Math.pow(rank + 1, 0.6)) {
            items.add(bestSellers.get(rank));
          }
        }
        if (random.nextDouble() < settings.noiseShare()) {
          items.add(ids.get(random.nextInt(ids.size())));
        }
        List<String> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, random);
        Instant at = START.plus(Duration.ofDays(days.get(b))).plusSeconds(8 * 3600 + random.nextInt(12 * 3600));
        baskets.add(new Basket(shopper, at, shuffled));
      }
    }
    baskets.sort((a, b) -> a.at().compareTo(b.at()));
    return new ShopLog(new Dataset(baskets, true, true), clusters, List.copyOf(bestSellers));
  }

  private static void addFromCluster(Set<String> items, List<List<String>> clusters, List<Integer> liked,
      Settings settings, Random random, int howMany) {
    int cluster = random.nextDouble() < settings.tasteShare() ? liked.get(random.nextInt(liked.size()))
        : random.nextInt(clusters.size());
    List<String> members = new ArrayList<>(clusters.get(cluster));
    Collections.shuffle(members, random);
    items.addAll(members.subList(0, Math.min(howMany, members.size())));
  }

  /** The same baskets without users and times: the basket-lines shape. */
  public static Dataset basketsOnly(Dataset dataset) {
    return new Dataset(dataset.baskets().stream().map(basket -> new Basket(null, null, basket.items())).toList(), false,
        false);
  }

  /** CSV {@code user,item,timestamp} (ISO-8601), one row per item; a basket's items share its timestamp. */
  public static void writeCsv(Dataset dataset, Writer out) throws IOException {
    out.write("user,item,timestamp\n");
    for (Basket basket : dataset.baskets()) {
      for (String item : basket.items()) {
        out.write(basket.user() + "," + item + "," + basket.at() + "\n");
      }
    }
  }

  /** One basket per line, items separated by spaces. */
  public static void writeBaskets(Dataset dataset, Writer out) throws IOException {
    for (Basket basket : dataset.baskets()) {
      out.write(String.join(" ", basket.items()) + "\n");
    }
  }
}
