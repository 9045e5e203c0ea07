package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartsTest {
    final List<String> stopped = new ArrayList<>();

    AutoCloseable part(String name) {
        return () -> stopped.add(name);
    }

    @Test
    void partsStopInReverseOfTheirStartAndOnlyOnce() throws Exception {
        Parts parts = new Parts("test");
        parts.add("kafka", part("kafka"));
        AutoCloseable http = parts.add("http", part("http"));
        parts.onClose("gauges", () -> stopped.add("gauges"));
        assertThat(parts.size()).isEqualTo(3);
        assertThat(http).isNotNull();

        parts.close();
        parts.close();
        assertThat(stopped).containsExactly("gauges", "http", "kafka");
        assertThat(parts.size()).isZero();
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheOthersRunning() {
        Parts parts = new Parts("test");
        parts.add("kafka", part("kafka"));
        parts.add("broken", () -> {
            throw new IllegalStateException("cannot stop");
        });
        parts.add("http", part("http"));

        parts.close();
        assertThat(stopped).containsExactly("http", "kafka");
    }

    @Test
    void aStoppedServiceTakesNoNewParts() {
        Parts parts = new Parts("test");
        parts.close();
        assertThatThrownBy(() -> parts.add("late", part("late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test is stopped: cannot add late");
    }

    @Test
    void aStartThatFailsHalfWayClosesWhatHadStartedAndRethrows() {
        Parts parts = new Parts("test");
        Service service = new Service() {
            @Override
            public void start() {
                Parts.startOrClose(this, () -> {
                    parts.add("kafka", part("kafka"));
                    throw new IllegalStateException("port in use");
                });
            }

            @Override
            public boolean ready() {
                return false;
            }

            @Override
            public void close() {
                parts.close();
            }
        };
        assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class).hasMessage("port in use");
        assertThat(stopped).containsExactly("kafka");
    }
}
