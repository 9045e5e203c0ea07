package org.vigia.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertType;

/** The integration dataset raises every alert type, so the broker tests exercise them all. */
class DatasetTest {
    @Test
    void theDatasetRaisesEveryAlertType() {
        List<Alert> alerts = Dataset.expectedAlerts(Dataset.steps());
        assertThat(alerts).extracting(Alert::type).contains(AlertType.values());
    }
}
