package org.vigia.alerts.mail;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigia.events.AlertDetails;
import org.vigia.events.Json;

/** Typed, forgiving reads of an alert's {@code details}: every detail is optional and may have any type. */
final class Details {
    private final Map<String, Object> map;

    Details(AlertDetails details) {
        this.map = details == null ? Map.of()
                : Json.wire().convertValue(details, new TypeReference<Map<String, Object>>() { });
    }

    Optional<String> text(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof Map || v instanceof List) {
            return Optional.empty();
        }
        String s = String.valueOf(v).trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    Optional<BigDecimal> number(String key) {
        Object v = map.get(key);
        try {
            if (v instanceof Number n) {
                return Optional.of(new BigDecimal(n.toString()));
            }
            if (v instanceof String s && !s.isBlank()) {
                return Optional.of(new BigDecimal(s.trim()));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A number shown with at most one decimal and no trailing zeros: 45, 45.5. */
    Optional<String> decimal(String key) {
        return number(key).map(n -> n.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }

    Optional<Long> whole(String key) {
        return number(key).map(n -> n.setScale(0, RoundingMode.HALF_UP).longValue());
    }

    /** The first 10 characters of a date or instant: 2015-06-30. */
    Optional<String> date(String key) {
        return text(key).map(s -> s.length() >= 10 && s.charAt(4) == '-' ? s.substring(0, 10) : s);
    }

    /** News headlines: each a text, or a mapping with a title and a url. */
    List<Headline> headlines() {
        List<Headline> result = new ArrayList<>();
        if (map.get("headlines") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && m.get("title") != null) {
                    result.add(new Headline(String.valueOf(m.get("title")), m.get("url") == null ? null : String.valueOf(m.get("url"))));
                } else if (item != null && !(item instanceof Map) && !(item instanceof List)) {
                    result.add(new Headline(String.valueOf(item), null));
                }
            }
        }
        return result;
    }

    record Headline(String title, String url) {
    }
}
