package org.vigia.events;

import java.util.List;

/** A wire record that can say which of the contract's rules it breaks. */
public interface Validated {

    /** Every rule this record breaks; empty when it is valid. */
    List<Violation> violations();

    /** Returns this record, or throws naming every broken rule. */
    @SuppressWarnings("unchecked")
    default <T extends Validated> T validated() {
        List<Violation> found = violations();
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
        return (T) this;
    }
}
