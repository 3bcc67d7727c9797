package io.releasepilot.release;

import java.util.Objects;

/** What is wrong with one field of the profile, and an example of a right value. */
public record FieldProblem(ProfileField field, String message) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** "Version: "2.4" is not … Example: 2.4.0" */
    public String text() {
        return field.label() + ": " + message + " Example: " + field.example();
    }
}
