package fr.sudia.funding.call;

/** The jury's decision on an application. */
public enum Outcome {
    LAUREATE,
    NOT_SELECTED
}
