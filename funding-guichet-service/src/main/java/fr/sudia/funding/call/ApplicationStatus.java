package fr.sudia.funding.call;

public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    WITHDRAWN
}
