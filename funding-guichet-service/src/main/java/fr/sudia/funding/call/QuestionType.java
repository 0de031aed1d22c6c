package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kinds of answer a form question takes. */
@Schema(description = "TEXT: une ligne / one line; LONG_TEXT: texte long / long text; NUMBER: nombre / number; CHOICE: un "
        + "choix / one choice; MULTI_CHOICE: plusieurs choix / several choices; BOOLEAN: oui ou non / yes or "
        + "no; URL: lien / link; FILE: fichier joint / uploaded file")
public enum QuestionType {
    /** A line of text, at most {@code maxLength} characters (default 200). */
    TEXT,
    /** A long text, at most {@code maxLength} characters (default 5000). */
    LONG_TEXT,
    /** A number between {@code min} and {@code max}. */
    NUMBER,
    /** One of {@code options}. */
    CHOICE,
    /** Several of {@code options}, at most {@code maxChoices}. */
    MULTI_CHOICE,
    BOOLEAN,
    /** An http(s) link. */
    URL,
    /**
     * A file uploaded to {@code PUT /api/v1/applications/{id}/attachments/{questionId}}, of one of {@code mediaTypes}
     * (default PDF) and at most {@code maxBytes}; the answer is set by the upload, never written by the applicant.
     */
    FILE
}
