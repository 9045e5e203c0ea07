package org.vigia.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an alert says beyond its headline fields: the typed contract between the stream
 * processor, which fills it, and the alert service, which renders it in the subscriber's
 * language. Every field is optional; which ones are set depends on the alert's type and
 * status (absent fields are left out of the JSON).
 *
 * <p>Commitment alerts carry the commitment's figures at {@code raisedAt}:
 * {@code completion} (official, one decimal), {@code verifiedCompletion},
 * {@code daysWithoutProgress}, {@code stallAfterDays}, {@code dueDate}, {@code state},
 * {@code lastProgressAt}, the latest report's {@code lastNote} and {@code lastEvidenceUrl},
 * {@code evidenceMissing} and {@code projectedCompletion}. A RESOLVED alert says why in
 * {@code resolution}; RESUMED names the stall it ends in {@code stalledAlertId};
 * SCOPE_REDUCED says what changed in {@code scope}.
 *
 * <p>Agency-wide alerts (SENSITIVITY_SPIKE) carry the news {@code heat}, its
 * {@code threshold} and {@code halfLifeDays}, the newest {@code headlines} (with links), the
 * agency's {@code unfinishedCommitments} and the {@code plans} they belong to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertDetails(
        Double completion,
        Double verifiedCompletion,
        Long daysWithoutProgress,
        Integer stallAfterDays,
        LocalDate dueDate,
        CommitmentState state,
        Instant lastProgressAt,
        String lastNote,
        String lastEvidenceUrl,
        Boolean evidenceMissing,
        LocalDate projectedCompletion,
        Resolution resolution,
        String stalledAlertId,
        ScopeReduction scope,
        Double heat,
        Double threshold,
        Double halfLifeDays,
        List<Headline> headlines,
        List<String> unfinishedCommitments,
        List<String> plans) {

    public static final AlertDetails NONE = new AlertDetails(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null);

    public AlertDetails {
        headlines = headlines == null ? null : List.copyOf(headlines);
        unfinishedCommitments = unfinishedCommitments == null ? null : List.copyOf(unfinishedCommitments);
        plans = plans == null ? null : List.copyOf(plans);
    }

    /** Why a RESOLVED alert ended. Only true reasons are given. */
    public enum Resolution {
        /** Official completion went up again (STALLED, AT_RISK: the pace recovered). */
        PROGRESS,
        /** The commitment was completed, with evidence. */
        COMPLETED,
        /** The official and civil-society figures came within the dispute threshold. */
        VIEWS_AGREE,
        /** The due date passed: AT_RISK gives way to OVERDUE. */
        DUE_DATE_PASSED,
        /** A registry change (new due date, milestones or stall limit) ended the condition. */
        REGISTRY_CHANGED,
        /** The commitment was withdrawn from the registry. */
        WITHDRAWN,
        /** SENSITIVITY_SPIKE: the news heat fell below the threshold. */
        COOLED_DOWN,
        /** SENSITIVITY_SPIKE: the agency has no unfinished commitment left. */
        NOTHING_UNFINISHED
    }

    /**
     * How a registry update asks for less than before. Each part is set only when it applies.
     *
     * @param droppedMilestones ids of the milestones the new entry no longer lists
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScopeReduction(List<String> droppedMilestones, Double weightBefore, Double weightAfter,
                                 LocalDate dueDateBefore, LocalDate dueDateAfter) {
        public ScopeReduction {
            droppedMilestones = droppedMilestones == null ? List.of() : List.copyOf(droppedMilestones);
        }
    }

    /** One news item behind a SENSITIVITY_SPIKE. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Headline(String title, String url, String outlet, Instant publishedAt) {
    }
}
