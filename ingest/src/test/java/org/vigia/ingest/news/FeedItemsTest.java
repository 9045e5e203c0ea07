package org.vigia.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedItemsTest {
    static byte[] fixture(String name) {
        try (InputStream in = FeedItemsTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsRss2WithCdataAccentsGuidsAndMissingOrOddDates() throws Exception {
        List<FeedItems.Item> items = FeedItems.parse(fixture("rss2-politica.xml"), "application/rss+xml; charset=utf-8");

        assertThat(items).hasSize(5);
        FeedItems.Item first = items.get(0);
        assertThat(first.identity()).isEqualTo("diario-2014-09-28-0001");
        assertThat(first.title()).isEqualTo("Normalistas de Ayotzinapa : la PROCURADURIA amplía la búsqueda");
        assertThat(first.text()).contains("Procuraduría General de la República").contains("Justicia").doesNotContain("<p>");
        assertThat(first.published()).isEqualTo(Instant.parse("2014-09-28T19:30:00Z"));
        assertThat(items.get(1).identity()).isEqualTo("https://diario.example.org/2015/02/27/nuevo-procurador");
        assertThat(items.get(2).published()).isNull();
        assertThat(items.get(3).published()).isNull();
    }

    @Test
    void readsRss1AndAtom() throws Exception {
        FeedItems.Item rdf = FeedItems.parse(fixture("rss1-rdf.xml"), "application/rdf+xml").get(0);
        FeedItems.Item atom = FeedItems.parse(fixture("atom.xml"), null).get(0);

        assertThat(rdf.title()).isEqualTo("Sin avance el registro de detenidos de la Procuraduría");
        assertThat(rdf.published()).isEqualTo(Instant.parse("2015-01-15T15:00:00Z"));
        assertThat(atom.identity()).isEqualTo("tag:observatorio.example.org,2015:sct-datos");
        assertThat(atom.link()).isEqualTo("https://observatorio.example.org/sct-datos");
        assertThat(atom.title()).isEqualTo("Secretaría de Comunicaciones y Transportes publica datos de obra");
        assertThat(atom.published()).isEqualTo(Instant.parse("2015-02-01T12:00:00Z"));
    }

    @Test
    void malformedXmlAndHtmlAreNotFeeds() {
        assertThatThrownBy(() -> FeedItems.parse(fixture("malformed.xml"), "text/xml"))
                .isInstanceOf(FeedItems.BadFeedException.class).hasMessageStartingWith("not a readable RSS or Atom feed");
        assertThatThrownBy(() -> FeedItems.parse(fixture("not-a-feed.html"), "text/html"))
                .isInstanceOf(FeedItems.BadFeedException.class);
    }
}
