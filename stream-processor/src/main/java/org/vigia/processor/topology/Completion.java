package org.vigia.processor.topology;

/**
 * The two views of a commitment's completion at one moment.
 *
 * @param official          weighted completion from AGENCY and IRM reports, 0–100, one decimal
 * @param officialReported  whether any AGENCY or IRM report counts
 * @param verified          the same from CSO and IRM reports, or null when there is none
 * @param evidenceMissing   some unit stands at 100 without an evidence link
 * @param complete          official completion is 100 and every unit's report carries evidence
 */
public record Completion(double official, boolean officialReported, Double verified, boolean evidenceMissing,
                         boolean complete) {

    public static final Completion NONE = new Completion(0, false, null, false, false);
}
