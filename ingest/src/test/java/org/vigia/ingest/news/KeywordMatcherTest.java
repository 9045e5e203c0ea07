package org.vigia.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigia.events.NewsKind;
import org.vigia.ingest.news.FeedsConfig.Keyword;

class KeywordMatcherTest {
    final KeywordMatcher matcher = new KeywordMatcher(Map.of(
            "PGR", List.of(new Keyword("Procuraduría General", NewsKind.GENERAL, 0.5), new Keyword("PGR", NewsKind.GENERAL, 0.5),
                    new Keyword("Ayotzinapa", NewsKind.SCANDAL, 2.0), new Keyword("nuevo procurador", NewsKind.LEADERSHIP_CHANGE, 1.5)),
            "SCT", List.of(new Keyword("Comunicaciones y Transportes", NewsKind.GENERAL, 0.3))));

    @Test
    void matchesWithCaseAndAccentsFolded() {
        assertThat(matcher.match("La PROCURADURIA GENERAL atrae el caso")).get()
                .extracting(KeywordMatcher.Match::agencies).isEqualTo(List.of("PGR"));
        assertThat(matcher.match("la procuraduría general")).isPresent();
        assertThat(matcher.match("AYOTZINÁPA")).get().extracting(KeywordMatcher.Match::kind).isEqualTo(NewsKind.SCANDAL);
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(matcher.match("PGRS y APGR no son siglas")).isEmpty();
        assertThat(matcher.match("(PGR)")).isPresent();
    }

    @Test
    void takesTheStrongestKindAndTheLargestWeightAcrossAgencies() {
        KeywordMatcher.Match m = matcher.match("Ayotzinapa: la PGR y la Secretaría de Comunicaciones y   Transportes; nuevo procurador").orElseThrow();

        assertThat(m.agencies()).containsExactly("PGR", "SCT");
        assertThat(m.kind()).isEqualTo(NewsKind.SCANDAL);
        assertThat(m.weight()).isEqualTo(2.0);
        assertThat(m.keywords()).contains("ayotzinapa", "pgr", "nuevo procurador", "comunicaciones y transportes");
    }

    @Test
    void aLeadershipChangeOutranksGeneral() {
        assertThat(matcher.match("Nombran nuevo procurador en la PGR")).get()
                .extracting(KeywordMatcher.Match::kind).isEqualTo(NewsKind.LEADERSHIP_CHANGE);
    }
}
