package io.polymart.catalog.demo;

import io.polymart.catalog.demo.DemoKind.Term;
import io.polymart.catalog.demo.DemoVocabularyReader.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The vocabulary file holds what the generator needs: every list filled, every word in both languages. */
class DemoVocabularyTest {
  private static final Vocabulary VOCABULARY = DemoVocabularyReader.read();

  @Test
  void theFileHasTheWholeShop() {
    List<DemoCategory> categories = VOCABULARY.categories();
    assertThat(categories.stream().filter(DemoCategory::topLevel)).hasSize(11);
    assertThat(categories.stream().filter(c -> !c.topLevel())).hasSize(46);
    assertThat(VOCABULARY.brands()).hasSize(30);
    assertThat(VOCABULARY.closings()).hasSize(5);
    Set<String> subCategories = categories.stream().filter(c -> !c.topLevel()).map(DemoCategory::slug)
        .collect(Collectors.toSet());
    assertThat(VOCABULARY.kinds().keySet()).as("one kind per sub-category").isEqualTo(subCategories);
    assertThat(VOCABULARY.categoryWeights().keySet()).isEqualTo(subCategories);
    assertThat(VOCABULARY.categoryWeights().values()).allMatch(weight -> weight >= 1);
    Set<String> topLevel = categories.stream().filter(DemoCategory::topLevel).map(DemoCategory::slug)
        .collect(Collectors.toSet());
    VOCABULARY.brands().forEach(brand -> assertThat(topLevel).as(brand.slug()).containsAll(brand.topCategories()));
    // what the generator itself insists on (brands fit their categories, enough SKU combinations, ...)
    assertThat(DemoVocabulary.KINDS).hasSize(46);
  }

  @Test
  void categoriesAndWordsAreInBothLanguages() {
    for (DemoCategory category : VOCABULARY.categories()) {
      String[] names = category.name().split(" / ");
      assertThat(names).as(category.slug()).hasSize(2);
      assertThat(names[0]).as(category.slug()).isNotBlank();
      assertThat(hasChinese(names[1])).as(category.slug()).isTrue();
    }
    VOCABULARY.closings().forEach(DemoVocabularyTest::assertBilingual);
    for (DemoKind kind : VOCABULARY.kinds().values()) {
      List<Term> words = new ArrayList<>(kind.nouns);
      words.addAll(kind.adjectives);
      words.addAll(kind.qualifiers);
      words.addAll(kind.features);
      words.forEach(DemoVocabularyTest::assertBilingual);
      assertThat(kind.enTemplates).as(kind.categorySlug).isNotEmpty();
      assertThat(kind.zhTemplates).as(kind.categorySlug).isNotEmpty();
      assertThat(kind.enDescriptions).as(kind.categorySlug).isNotEmpty();
      assertThat(kind.zhDescriptions).as(kind.categorySlug).isNotEmpty();
    }
  }

  @Test
  void noKindHasAnEmptyList() {
    for (DemoKind kind : VOCABULARY.kinds().values()) {
      String slug = kind.categorySlug;
      assertThat(kind.nouns).as(slug).isNotEmpty();
      assertThat(kind.features).as(slug).hasSizeGreaterThanOrEqualTo(3);
      assertThat(kind.specs).as(slug).hasSizeGreaterThanOrEqualTo(3);
      assertThat(kind.contents).as(slug).isNotEmpty();
      assertThat(kind.brandSlugs).as(slug).isNotEmpty();
      assertThat(kind.dims).as(slug).isNotEmpty().allMatch(dim -> !dim.values().isEmpty());
      assertThat(kind.specs).as(slug).allMatch(spec -> !spec.values().isEmpty());
      assertThat(kind.minPrice).as(slug).isPositive().isLessThan(kind.maxPrice);
      assertThat(kind.minWeight).as(slug).isPositive().isLessThanOrEqualTo(kind.maxWeight);
      assertThat(kind.modelMin).as(slug).isLessThanOrEqualTo(kind.modelMax);
      boolean namesNeedModels = kind.enTemplates.stream().anyMatch(t -> t.contains("{model}"))
          || kind.zhTemplates.stream().anyMatch(t -> t.contains("{model}"));
      if (namesNeedModels) {
        assertThat(kind.models).as(slug).isNotEmpty();
      }
    }
  }

  private static void assertBilingual(Term word) {
    assertThat(word.en()).as(word.toString()).isNotBlank();
    assertThat(word.zh()).as(word.toString()).isNotBlank();
  }

  private static boolean hasChinese(String text) {
    return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }
}
