package org.vigia.reliability.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vigia.events.NewsKind;
import org.vigia.events.NewsSignal;

/**
 * The news about the agencies: a trickle of light general items (whose heat stays well under
 * 3.0) and, for about half the agencies, one or two clusters of scandal items a few days apart
 * that push the heat (sum of weights, halving every 30 days) over 3.0 and let it fall back:
 * one SENSITIVITY_SPIKE episode each. A few leadership-change items and items naming two
 * agencies complete the mix.
 */
final class NewsStory {
    private NewsStory() {
    }

    static List<NewsSignal> write(SplittableRandom rng, LocalDate start, int days) {
        List<NewsSignal> news = new ArrayList<>();
        List<Catalog.Agency> agencies = Catalog.AGENCIES;
        for (int a = 0; a < agencies.size(); a++) {
            Catalog.Agency agency = agencies.get(a);
            int n = 0;
            for (int day = rng.nextInt(2, 9); day < days; day += 8 + rng.nextInt(7)) {
                List<String> named = rng.nextInt(8) == 0
                        ? List.of(agency.code(), agencies.get((a + 1) % agencies.size()).code()) : List.of(agency.code());
                news.add(signal(agency, n++, start, day, rng.nextInt(0, 600), named, NewsKind.GENERAL,
                        0.2 + rng.nextInt(3) / 10.0, "Seguimiento de " + agency.topic()));
            }
            int clusters = a % 2 == 0 ? 1 + (a % 4 == 0 ? 1 : 0) : 0;
            for (int c = 0; c < clusters; c++) {
                int from = days * (20 + c * 35 + rng.nextInt(15)) / 100;
                for (int k = 0; k < 4; k++) {
                    news.add(signal(agency, n++, start, from + k * 3, 600 + k, List.of(agency.code()), NewsKind.SCANDAL,
                            0.9 + rng.nextInt(5) / 10.0, "Escándalo en " + agency.topic() + " (" + (k + 1) + ")"));
                }
            }
            if (a % 4 == 1) {
                news.add(signal(agency, n, start, days * 7 / 10, 700, List.of(agency.code()), NewsKind.LEADERSHIP_CHANGE,
                        1.2, "Nuevo titular en " + agency.code()));
            }
        }
        return news;
    }

    private static NewsSignal signal(Catalog.Agency agency, int n, LocalDate start, int day, int minute, List<String> agencies,
                                     NewsKind kind, double weight, String title) {
        Instant at = start.plusDays(day).atTime(6, 0).toInstant(ZoneOffset.UTC).plusSeconds(minute * 60L);
        String id = "syn-news-" + agency.code().toLowerCase() + "-" + n;
        return new NewsSignal(id, at, Catalog.OUTLETS.get(n % Catalog.OUTLETS.size()), title,
                "https://example.org/noticias/" + id, agencies, List.of(agency.topic()), kind, weight);
    }
}
