package org.vigia.stack.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricInsideFunctionsAndAggregations() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(vigia_update_to_status_latency_seconds_bucket[$__rate_interval])))"))
                .containsExactly("vigia_update_to_status_latency_seconds_bucket");
    }

    @Test
    void ignoresLabelsStringsVariablesAndKeywords() {
        assertThat(PromQl.metricNames(
                "sum by (sector) (vigia_commitments{plan=~\"$plan\", state=\"STALLED\"}) or vector(0)"))
                .containsExactly("vigia_commitments");
    }

    @Test
    void findsEveryOperandOfBinaryExpressionsAndIgnoresNumbersAndDurations() {
        assertThat(PromQl.metricNames("""
                sum by (job) (increase(a_total[10m])) / clamp_min(sum(b_total offset 5m), 1e-9) > 0.25
                and on (job) max by (job, instance) (deriv(c_lag_max[10m:1m])) > 1000
                or (d_total unless d_total offset 10m)"""))
                .containsExactly("a_total", "b_total", "c_lag_max", "d_total");
    }

    @Test
    void readsTheMetricOfAGrafanaLabelValuesQuery() {
        assertThat(PromQl.metricNames("label_values(vigia_agency_completion{plan=~\"$plan\"}, agency)"))
                .containsExactly("vigia_agency_completion");
    }

    @Test
    void aFunctionOfTimeAloneReadsNoMetric() {
        assertThat(PromQl.metricNames("time() - max(vigia_processor_stream_time) * 1000"))
                .containsExactly("vigia_processor_stream_time");
    }
}
